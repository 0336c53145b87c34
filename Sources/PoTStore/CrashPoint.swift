#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fault injection for crash-safety tests: when POT_CRASH_AT names this point, the process
/// kills itself with SIGKILL, exactly as a power cut or `kill -9` would stop it.
enum CrashPoint {
    static let armed: String? = getenv("POT_CRASH_AT").map { String(cString: $0) }

    static func reached(_ name: String) {
        if armed == name { kill(getpid(), SIGKILL) }
    }
}
