#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// SIGINT and SIGTERM ask pot-deploy to stop: the running hook is ended and recorded, and
/// nothing new starts.
public enum StopSignal {
    private static let received = Atomic<Int32>(0)

    /// Installs the handlers (they only note the signal) and unblocks both signals, which a
    /// parent may have left blocked.
    public static func install() {
        var set = sigset_t()
        sigemptyset(&set)
        for sig in [SIGINT, SIGTERM] {
            _ = signal(sig) { number in StopSignal.received.store(number, ordering: .relaxed) }
            sigaddset(&set, sig)
        }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// The signal that asked to stop, if one did.
    public static var requested: Int32? {
        let value = received.load(ordering: .relaxed)
        return value == 0 ? nil : value
    }

    /// Asks to stop as a signal would.
    public static func request(_ signal: Int32 = SIGTERM) { received.store(signal, ordering: .relaxed) }
}
