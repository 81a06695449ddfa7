/// How much of its policy's limits one load has used so far, and which limits it has reported
/// reaching (each once: a zone past a limit gets one error, not one per record or file).
struct LoadTally: Sendable {
    /// Files read through `$INCLUDE`, counting a file again each time it is included (`maxIncludedFiles`).
    var includedFiles = 0
    /// Bytes read, the top file and every included file together (`maxTotalBytes`).
    var bytesRead = 0
    /// Records made by `$GENERATE` (`maxGeneratedRecordsTotal`).
    var generatedRecords = 0
    /// Records added, in the zone or not (`maxRecords`, and whether any came yet).
    var records = 0
    var reportedTooManyRecords = false
    var reportedTooManyIncludes = false
    var reportedTooManyDiagnostics = false
}
