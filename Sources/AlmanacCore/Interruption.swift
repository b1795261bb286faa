import Foundation

/// Lets a long native computation notice that its script must stop (the
/// --timeout has passed, or Ctrl-C) without knowing about Lua: the host
/// installs a check for the thread that runs the script, and loops that can
/// run long (sums over a discrete support, searches over whole numbers) ask
/// `Interruption.requested` every few thousand steps and return early. The
/// host raises the stop as soon as the native call has returned, so the
/// early, unfinished result never reaches the script.
public enum Interruption {
    /// A check set per thread; nil (the default, e.g. in unit tests and
    /// library use) means nothing ever asks to stop.
    public typealias Check = @Sendable () -> Bool

    private final class Box: @unchecked Sendable {
        let check: Check
        init(_ check: @escaping Check) { self.check = check }
    }

    // One key for the process; each thread's slot points at a box that
    // `withCheck` retains for exactly as long as it is installed.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    // Lifetime argument for the unmanaged box: `withCheck` retains it before
    // storing it in this thread's slot and releases it only after putting the
    // previous value back, so a pointer read from the slot on this thread always
    // names a live box (each thread has its own slot; no other thread reads it).

    /// The check installed on this thread, if any.
    public static var current: Check? {
        guard let pointer = pthread_getspecific(key) else { return nil }
        return Unmanaged<Box>.fromOpaque(pointer).takeUnretainedValue().check
    }

    /// Runs `body` with `check` installed on this thread, then restores the previous one.
    public static func withCheck<T, E: Error>(_ check: Check?, _ body: () throws(E) -> T) throws(E) -> T {
        let previous = pthread_getspecific(key)
        let box = check.map { Unmanaged.passRetained(Box($0)).toOpaque() }
        pthread_setspecific(key, box)
        defer {
            pthread_setspecific(key, previous)
            if let box { Unmanaged<Box>.fromOpaque(box).release() }
        }
        return try body()
    }

    /// True once the script running on this thread must stop.
    public static var requested: Bool { current?() ?? false }

    /// `requested`, asked only every 4096 steps of a loop counter (cheap enough
    /// for the innermost loop).
    @inline(__always)
    public static func requested(atStep step: Int) -> Bool {
        step & 4095 == 0 && requested
    }
}
