/// The rules for an account's label, the name people use instead of its public key.
public enum AccountLabel {
    public static let maxBytes = 64

    /// A label is 1-64 letters, digits, '-', '_' or '.', does not start with '.', and is not
    /// 64 hex digits (which read as a public key).
    public static func validate(_ label: String) throws {
        let allowed = label.utf8.allSatisfy { c in
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c == 0x2d || c == 0x5f || c == 0x2e
        }
        guard !label.isEmpty, label.utf8.count <= maxBytes, allowed, !label.hasPrefix(".") else {
            throw ObjectError("'\(label)' is not a valid label (use 1-64 letters, digits, '-', '_' or '.')")
        }
        guard PublicKey(hex: label) == nil else {
            throw ObjectError("'\(label)' cannot be a label: 64 hex digits read as a public key")
        }
    }
}
