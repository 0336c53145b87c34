import Foundation
@testable import PoTDeploy
import PoTTestSupport
import Testing

/// Inputs found by the deploy-config fuzz target (scripts/fuzz.sh deploy-config), kept as tests.
@Suite("pot-deploy.toml: fuzzed inputs")
struct ConfigFuzzTests {
    static let hook = "[[on_tip]]\nname = \"build\"\nrun = [\"make\"]\n"

    /// The error the loader refuses `bytes` (UTF-8 text) with.
    private func refusal(_ bytes: [UInt8]) throws -> ConfigError {
        let text = try #require(String(validating: bytes, as: UTF8.self))
        return try #require(throws: ConfigError.self) { try ConfigLoader.parse(text, path: "pot-deploy.toml") }
    }

    /// A NUL escaped into a key: TOMLKit lists the key cut at the NUL, so looking it up again
    /// found nothing and the loader stopped on a nil it took for granted.
    @Test("FUZZ-CONFIG: a key with an escaped NUL is refused with its line, not a crash",
          arguments: ["\"keep_worktrees\\u0000\" = 0\n\(hook)", "\(hook)env = { \"A\\U00000000B\" = \"1\" }\n"])
    func nulInKey(_ text: String) throws {
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse(text, path: "pot-deploy.toml") }
        #expect(error.line == (text.hasPrefix("\"keep") ? 1 : 4))
        #expect(error.message.contains("NUL"), "\(error.message)")
    }

    /// A NUL escaped into a string: the hook would have run the command cut at the NUL, and a key
    /// cut at a NUL could stand for another (`"on_tip\u0000x"` read as `on_tip`).
    @Test("FUZZ-CONFIG: a string or key that a NUL would cut short is refused",
          arguments: ["\(hook)\n[[on_finalize]]\nname = \"deploy\"\nrun = \"\"\"\n./deploy.sh\\u0000 --dry-run\n\"\"\"\n",
                      "\"on_tip\\u0000x\" = 1\n\(hook)"])
    func nulCutsShort(_ text: String) throws {
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse(text, path: "pot-deploy.toml") }
        #expect(error.message.contains("NUL"), "\(error.message)")
    }

    /// A NUL byte in the file: TOMLKit hands the document to the parser as a C string, so
    /// everything after the NUL was ignored, here the hook that should have run.
    @Test("FUZZ-CONFIG: a NUL byte in the file is refused with its line instead of cutting the file short")
    func nulByte() throws {
        let text = "\(Self.hook)# end\u{0}\n[[on_finalize]]\nname = \"deploy\"\nrun = \"./deploy.sh\"\n"
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse(text, path: "pot-deploy.toml") }
        #expect(error.line == 4)
        #expect(error.message.contains("NUL"), "\(error.message)")
    }

    /// A table header that does not begin with a key: toml++ (under TOMLKit) asserts that it
    /// does, and the assertion stopped pot-deploy instead of a syntax error. The first input is
    /// the one the fuzzer found.
    @Test("FUZZ-CONFIG: a table header that does not begin with a key is a syntax error on its line, not an abort",
          arguments: [
              (Array(Data(base64Encoded: "W1tbW29uX2ZpbmFsaXpvbl9maW5hbGl6ZV1dCm5hbWVobGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsID0gImRlcGxveSIKcnVuID0gInRydWUiCmVudi5TVEFHRSA9ICJwcm9kIgplbnZlXV0KbmFtZWxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGwgPSAiZGVwK2lsbF9nfmNhZV9zZWNvbmxveSIKby4iX3V0X1gxIiA9ICJcdTAuInRydWUiCmVudi5TVEEiCnRpbWVvdXRfc2Vjb25kcyA9IDFzZWNvbmRlM3MgPSAxZTMKCg==")!), 1),
              (Array("keep_worktrees = 2\n\n[[[on_tip]]]\nname = \"x\"\n".utf8), 3),
              (Array("\(hook)\n[=]\n".utf8), 5),
              (Array("\(hook)\n[ [on_finalize]]\n".utf8), 5),
              (Array(Data(base64Encoded: "ClsNaXIwPSAiLi90b29scy8KIDI9ZWVpbnVlX29uX2ZhaWx1cmUgPSB0cnVrZXBfd29ya2UNCmlyID0gIi53b3JrZQ0KaXIgPSAKCgoKCgoKCgoKCgoKCg==")!), 2),
              (Array("\(hook)[\r\nname = \"x\"\n".utf8), 4),
          ])
    func headerWithoutKey(_ bytes: [UInt8], line: Int) throws {
        let error = try refusal(bytes)
        #expect(error.line == line)
        #expect(error.message.hasPrefix("syntax error"), "\(error.message)")
    }

    /// Quotes in the comment after a table header were taken for the start of a string, which
    /// hid the next lines, and with them a header without a key that toml++ asserts on. The
    /// first input is the fuzzer's.
    static let quoteInCommentInputs: [([UInt8], Int)] = [
        (Array(Data(base64Encoded: "a2VlcF93b2JrdHJlZXMgPSA1ICAgICAgICAgICMgCltbb25fdGlwXV0gICAjICByZWxhdGl2ZSAgICMgb2xkZXIgCltbb25fdGlwXV0gICAjICAgICAgICAgIyByZWxhdGl2ZSB0TyB0a2t0cyAiIiIiIiLvu78iIiIKW1tvbl90aXBdXSAgICMgICAgICAgICAjIHJlbGF0aXZlIHRPIHRoZWVtb3ZlZApwb2xsX2ludHMgPSAxMDAwCgpbW29uX3RpcF1dICAgIyAgcmVsYXRpdmUgICAjIG9sZGVyIApbW29uX3RpcF1dICAgIyAgICAgICAgICMgcmVvbGRlciByZWVzID0gNSAgICAgICAgICAjIG9sZGVyIApbW29uX3RpcF1dICAgIyAgICAgIDEwMDAKClsgICAgICAjIHJlbGF0aXZlICAgIyBvbGRlciAKW1tvbl90aXBdXSAgICMgICAgICAgICAjIHJlbGF0aXZlIHRPIHRoZWVtb3ZlZApwb2xsX2ludDFlcnZhbF9tcyA9IDEwMDAKCltbb25fdGlwXV0gICAjICByZWxhdGl2ZSAgICMgb2xkZXIgCltbb25fdGlwXV0gICAjICAgICAgICAgIyByZWxhdGl2ZSB0TyB0a2t0cyAiIiIiIiIiIiIKW1tvbl90aXBdXSAgICMgICAgICAgICAjIHJlbGF0aXZlIHRPIHRoZWVtb3ZlZApwb2xsX2ludDFlcnZhbF9tcyA9IDEwMDAKCltbb25fdGlwXV0gICAjICByZWxhdGl2ZSAgICMgb2xkZXIgCltbb25fdGlwXV0gICAjICB2ZSB0TyB0a2t0cyAiIiIiIiIiIiJlcmxybGFrZWVwX3dv")!), 11),
        (Array("\(hook)[[on_tip]] # a \"\"\" quote\n[ # no key\n".utf8), 5),
    ]

    @Test("FUZZ-CONFIG: quotes in a comment after a table header start no string", arguments: quoteInCommentInputs)
    func quoteInHeaderComment(_ bytes: [UInt8], line: Int) throws {
        let error = try refusal(bytes)
        #expect(error.line == line, "\(error)")
        #expect(error.message.hasPrefix("syntax error"), "\(error.message)")
    }

    /// A character beyond ASCII outside strings and comments: TOML allows none there, and
    /// toml++ asserts on U+0085 (next line) in an array. The first input is the fuzzer's.
    @Test("FUZZ-CONFIG: a character beyond ASCII outside strings and comments is a syntax error on its line, not an abort",
          arguments: [(Array(Data(base64Encoded: "ZTA9WyDChVs=")!), 1), (Array("\(hook)timeout_seconds =\u{A0}5\n".utf8), 4),
                      (Array("\u{FEFF}\(hook)caf\u{E9} = 1\n".utf8), 4)])
    func nonASCII(_ bytes: [UInt8], line: Int) throws {
        let error = try refusal(bytes)
        #expect(error.line == line, "\(error)")
        #expect(error.message == "syntax error: a character beyond ASCII outside a quoted string or a comment", "\(error.message)")
    }

    @Test("FUZZ-CONFIG: characters beyond ASCII in strings, literal strings, comments and after a byte order mark are kept")
    func nonASCIIWhereAllowed() throws {
        let text = "\u{FEFF}# d\u{E9}ploiement\n[[on_tip]]\nname = \"build\"\nrun = ['\u{E9}cho']\nenv = { G = \"caf\u{E9} \u{2603}\" }\n"
        let config = try ConfigLoader.parse(text, path: "/srv/pot-deploy.toml")
        #expect(config.onTip.first?.environment == ["G": "caf\u{E9} \u{2603}"])
    }

    /// A '}' where an array expects a value: toml++ asserts that no value starts with one, and
    /// stopped pot-deploy. The first input is the one the fuzzer found.
    @Test("FUZZ-CONFIG: a bracket that closes what it did not open is a syntax error on its line, not an abort",
          arguments: [
              (Array(Data(base64Encoded: "a2VlcF93b3JrdHJlZXMgPSA1ICAgICAgICAgICMgb2xkfX19fX19fX19fX19fX19fX19fX1lcnMgYXJlIHJlbW92ZWQKcG9sbF9pbnRlcnZhbF9tcyA9IDEwMDAKCltbb25fdGlwXV0KbmFtZSA9ICJidWlsZCIKcnVuID0gWyJtYWtlIix9fX19fX19fX19fX19fX19fWVycyBhcmUgcmVtb3ZlZApwb2xsX2ludGU9IHsgU1RBR0UgPSAicHJvZHVjdGlvbiIgfQo=")!), 6),
              (Array("\(hook)env = { A = [\n  \"x\",\n}\n".utf8), 6),
              (Array("\(hook)timeout_seconds = [}\n".utf8), 4),
          ])
    func mismatchedBracket(_ bytes: [UInt8], line: Int) throws {
        let error = try refusal(bytes)
        #expect(error.line == line, "\(error)")
        #expect(error.message.hasPrefix("syntax error"), "\(error.message)")
    }

    /// An unquoted value that begins like a number but is not one: toml++ asserts inside its
    /// date-and-time reader on some of them (`0;50-50-kp`, `5554-04-""`) and stopped pot-deploy.
    /// No key takes a date, so every such value is refused before parsing, with its line. The
    /// first two inputs are the fuzzer's.
    @Test("FUZZ-CONFIG: an unquoted value that begins like a number but is not one is refused on its line, not an abort",
          arguments: [
              (Array(Data(base64Encoded: "a3RwID0gMDs1MC01MC1rcCA0Cg==")!), 1, "0;50-50-kp"),
              (Array("n=5554-04-\"\" 0#\n".utf8), 1, "5554-04-\"\""),
              (Array("\(hook)timeout_seconds = 1979-05-27\n".utf8), 4, "1979-05-27"),
              (Array("\(hook)env = { A = \"x\", B = 07:32:00 }\n".utf8), 4, "07:32:00"),
              (Array("keep_worktrees = [\n  1,\n  2.5.1,\n]\n\(hook)".utf8), 3, "2.5.1"),
              // After a comment inside an array, the next line still holds a value.
              (Array(Data(base64Encoded: "MGVwID0gWyNFbSAKNzM5NC0xMi1wXz0gNSAgICAgIyBvbGRlciB3b3JrdHJlZWVw77u/X3dvIG9scmt0cmVlZXDvu79fd29lX2lyIG9ycO+7v3Dvu78KLTEgMTwgDQ==")!), 2, "7394-12-p_="),
          ])
    func notANumber(_ bytes: [UInt8], line: Int, value: String) throws {
        let error = try refusal(bytes)
        #expect(error.line == line, "\(error)")
        #expect(error.message.hasPrefix("'\(value)' is neither a number nor a quoted string"), "\(error.message)")
    }

    @Test("FUZZ-CONFIG: numbers in every TOML spelling, and digits inside strings and keys, are not refused as dates",
          arguments: ["1", "+5", "-0", "1_000", "0x1F", "0o17", "0b101", "1.5", "-2.5e-3", "6E2", "inf", "-nan"])
    func plainNumbers(_ number: String) throws {
        let text = "\(Self.hook)env = { X = \"1979-05-27\", 2021-01-01 = 'a' }\nkill = \(number)\n"
        let lines = TOMLKeyLines(source: text)
        #expect(lines.unsupportedBareValue == nil, "\(number)")
    }

    /// The NUL check counted the newline that ends an unclosed string twice, so its error named
    /// a line past the end of the file (the fuzzer's input, then a small one).
    @Test("FUZZ-CONFIG: a NUL after an unclosed string is reported on its own line",
          arguments: [
              (Array(Data(base64Encoded: "a2VlcF8gMS41Cndvcmt0cmVlX2RpKXIgPSAiLi4vd29ya3RyZWVzIgpsbylnX2RpciA9ICIvdmFyL2xvZ25sbSA9IDIKcG9sbC5pbnRlcnZhbF9tcyA9IDI1MApraWxsW1tvCm4uIl9YMiIgPSAiXHUwMGU5Igp0aW1lb3V0X3NhbWVsbGxsbGxsbGxsbGxsbGxsbGxsbGxsbGxkIgplbnYuIl9YMiIgPSAiXHUwMDAwMDAwMDAwMDAwMDAwMDEyOTE5NTk0ODQ3MTEwNjkyODYya2FlcF93b3JrdHJlZXM5OTk5OTk5OTk5OV9nOTk5cmE=")!), 8),
              (Array("a = \"open\nb = \"\\u0000\"\n".utf8), 2),
          ])
    func nulAfterUnclosedString(_ bytes: [UInt8], line: Int) throws {
        let error = try refusal(bytes)
        #expect(error.line == line, "\(error)")
    }

    @Test("FUZZ-CONFIG: an escaped backslash before u0000, a literal string and a comment hold no NUL")
    func notNul() throws {
        let text = "# a comment may say \\u0000\n\(Self.hook)env = { A = \"\\\\u0000\", B = 'C:\\u0000' }\n"
        let config = try ConfigLoader.parse(text, path: "/srv/pot-deploy.toml")
        #expect(config.onTip.first?.environment == ["A": "\\u0000", "B": "C:\\u0000"])
    }

    @Test("FUZZ-CONFIG: every seed of the deploy-config fuzz corpus is a valid configuration")
    func seeds() throws {
        let folder = TestEnvironment.packageRoot + "/Fuzz/corpus/deploy-config"
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(names.count >= 3)
        for name in names {
            let config = try ConfigLoader.load(path: folder + "/" + name)
            #expect(!config.onTip.isEmpty || !config.onFinalize.isEmpty, "\(name)")
        }
    }
}
