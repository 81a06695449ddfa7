import Foundation

/// A failed system call, described by its `errno` ("No such file or directory"): the reason a
/// saved plan cannot be read, in the system's words rather than Foundation's.
struct SystemError: Error, CustomStringConvertible {
    let description: String

    static var last: SystemError { SystemError(description: String(cString: strerror(errno))) }
}
