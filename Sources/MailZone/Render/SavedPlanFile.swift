/// Why `plan --out` could not save the plan: the file keeps what it had (or is not made), and
/// no temporary file is left beside it.
public struct PlanSaveError: Error, CustomStringConvertible, Sendable, Hashable {
    public var path: String
    public var reason: String

    public var description: String { "cannot save the plan to \(path): \(reason)" }
}

extension PlanJSONAssembler {
    /// Saves the plan document to `path` (`plan --out`) through `writer`: written piece by piece to
    /// a temporary file beside it, flushed and renamed over it (keeping an existing file's owner,
    /// group and mode), so the file is whole or untouched, as apply's zone files are.
    public func save(to path: String, writer: AtomicFileWriter = AtomicFileWriter()) throws(PlanSaveError) {
        do {
            try writer.write(path) { write in try writePlan(write) }
        } catch {
            throw PlanSaveError(path: path, reason: error.reason)
        }
    }
}
