import Foundation

/// Removes apply's temporary files when SIGINT, SIGTERM or SIGHUP ends the process between
/// creating one and renaming it over its file, then lets the signal end the process as it
/// would have: the zone files are whole either way (the rename is atomic), and no
/// `.NAME.mailzone-XXXXXX` copy of a zone is left behind.
///
/// A signal handler may only call async-signal-safe functions, so the temporary files' names
/// are kept in C buffers allocated beforehand; each buffer is handed to `mkstemp` itself, so at
/// every moment it holds either the template or the name of the file just created.
final class InterruptCleanup {
    /// The buffers of the write in progress (one process writes once at a time), read by the handler.
    nonisolated(unsafe) private static var slots: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    nonisolated(unsafe) private static var slotCount = 0

    private static let signals: [Int32] = [SIGINT, SIGTERM, SIGHUP]

    private let buffers: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int
    private var previous: [(Int32, sighandler_t?)] = []

    /// Prepares `count` slots and installs the handlers.
    init(count: Int) {
        self.count = count
        buffers = .allocate(capacity: max(count, 1))
        buffers.initialize(repeating: nil, count: max(count, 1))
        InterruptCleanup.slots = buffers
        InterruptCleanup.slotCount = count
        for number in InterruptCleanup.signals {
            previous.append((number, signal(number, InterruptCleanup.handler)))
        }
    }

    /// A buffer holding `template` (a `mkstemp` template) that the handler removes from now on;
    /// `mkstemp` writes the chosen name into it.
    func slot(_ index: Int, template: String) -> UnsafeMutablePointer<CChar> {
        let bytes = Array(template.utf8CString)
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count)
        buffer.initialize(from: bytes, count: bytes.count)
        buffers[index] = buffer
        return buffer
    }

    /// The file in slot `index` was renamed over its target (or removed): the handler leaves it alone.
    /// The buffer stays allocated until `end()`, as the handler may be reading it on another thread.
    func release(_ index: Int) {
        retired.append(buffers[index])
        buffers[index] = nil
    }

    private var retired: [UnsafeMutablePointer<CChar>?] = []

    /// Restores the previous handlers and frees the buffers.
    func end() {
        for (number, handler) in previous {
            signal(number, handler)
        }
        InterruptCleanup.slotCount = 0
        InterruptCleanup.slots = nil
        for index in 0..<count {
            buffers[index]?.deallocate()
        }
        for buffer in retired {
            buffer?.deallocate()
        }
        buffers.deallocate()
    }

    /// Unlinks every temporary file still in a slot, then ends the process by the same signal.
    private static let handler: @convention(c) (Int32) -> Void = { number in
        if let slots = InterruptCleanup.slots {
            for index in 0..<InterruptCleanup.slotCount {
                if let name = slots[index] { unlink(name) }
            }
        }
        signal(number, SIG_DFL)
        raise(number)
    }
}
