/// Every kind of problem ZoneFile reports, each carrying the values its message names.
///
/// The kind is the diagnostic's typed identity: a program that reads zones can switch over it
/// instead of matching message text, and the text itself comes from one place,
/// `DiagnosticCatalogue.swift`, which gives each kind its stable string id (`ttl.unknown-unit`,
/// shared by the kinds of one family), its severity, its message and its notes. The cases are
/// grouped as the loader meets them: the file, the limits, the lexer, directives, `$GENERATE`,
/// records, and the checks of the zone as a whole.
public enum DiagnosticKind: Sendable, Hashable {
    // MARK: The file

    /// The zone file cannot be read; `reason` says why (`no such file`, `is a directory, not a file`).
    case fileUnreadable(reason: String)
    /// The zone file is larger than the load may read in all.
    case fileOverTotalBytes(reason: String)
    case fileEmpty
    /// Offsets are 32-bit: a file of 4 GiB or more cannot be read.
    case fileOver4GiB
    /// A mapped file was truncated while it was read (`SourceBytes.wasCut`): what was read past the cut
    /// is not its text.
    case fileChangedWhileRead

    // MARK: Limits

    /// The load's `maxDiagnostics` was reached while reading.
    case tooManyProblems(limit: Int)
    /// The load's `maxDiagnostics` was reached by the zone-level checks.
    case tooManyProblemsAfterChecks(limit: Int)
    case entryTooLong(length: Int, limit: Int)
    /// `reading` files are open, `innermost` being the last.
    case includeTooDeep(limit: Int, reading: Int, innermost: String)
    case tooManyIncludes(limit: Int)
    case includeOverTotalBytes(name: String, path: String, limit: Int)
    case generateTooLarge(count: Int, limit: Int)
    /// `made` records came from the zone's earlier `$GENERATE`s.
    case generateOverZoneTotal(count: Int, made: Int, limit: Int)
    case tooManyRecords(limit: Int)

    // MARK: Lexical

    case unbalancedQuotes
    case unbalancedCloseParen
    case unclosedParen
    case nulByte

    // MARK: Directives

    case originArguments
    case ttlArguments
    case includeArguments
    case relativeOriginWithoutOrigin(text: String)
    case invalidOrigin(text: String, reason: String)
    case unknownDirective(text: String)
    case invalidIncludeFileName
    case invalidIncludeOrigin(text: String, reason: String)
    /// `LoadOptions.includes` is `.refused`.
    case includeRefused(name: String)
    /// `name` resolves to `resolved`, outside `directory`, the zone file's (`.confinedToZoneDirectory`).
    case includeOutsideZoneDirectory(name: String, resolved: String, directory: String)
    /// `name` resolves to `resolved`, outside `root` (`.confined(to:)`).
    case includeOutside(name: String, resolved: String, root: String)
    /// `includingFile` includes `included`; `cycle` lists the files being read, from the first in the cycle.
    case includeCycle(includingFile: String, included: String, cycle: [String])
    case includeUnreadable(name: String, path: String, reason: String)

    // MARK: $GENERATE

    case generateArgumentsMissing
    case generateArgumentsMisplaced
    case generateRange(text: String)
    case generateUnknownType(text: String)
    case generateMetaType(type: RRType)
    case generateWithoutOrigin
    case generateTemplate(reason: String)
    case generateRData(type: RRType, text: String, reason: String)

    // MARK: Records

    case ownerMissing
    case ownerInheritedAfterOrigin(owner: DomainName, origin: DomainName)
    case ownerQuoted
    case typeMissing
    /// A TTL-like field where the type belongs.
    case typeLooksLikeTTL(text: String)
    case unknownType(text: String)
    case metaType(type: RRType)
    case rdataWithoutOrigin
    case invalidRData(type: RRType, reason: String)
    /// `label` names the TTL (`TTL`, `$TTL`).
    case ttlAboveMaximum(label: String, value: UInt32)
    case ttlFromPreviousRecord
    case ttlFromSOAMinimum(minimum: UInt32)
    case ttlMissing
    case classMismatch(recordClass: RRClass, zoneClass: RRClass)
    case outOfZone(owner: DomainName, origin: DomainName)
    /// `role` says what the name is (`owner name`, `generated owner`).
    case relativeNameWithoutOrigin(role: String, text: String)
    case invalidName(role: String, text: String, reason: String)
    case ttlUnknownUnit(text: String, unit: String)
    case ttlWithoutNumber(text: String)
    case ttlOverflow(text: String)

    // MARK: The zone as a whole

    case originUnknown
    /// `firstAt` is where the first copy is written (`file:line`).
    case duplicateRecord(owner: DomainName, type: RRType, firstAt: String)
    case multipleCNAME(owner: DomainName)
    case cnameAndOther(owner: DomainName, cnameAt: String, otherType: RRType, otherAt: String)
    case soaNotAtApex(owner: DomainName, apex: DomainName)
    case duplicateSOA(firstAt: String)
    case multipleSOA(firstAt: String)
    case dsAtApex(apex: DomainName)
    case noSOA(apex: DomainName)
    case cdnskeyWithoutDNSKEY
    case noNS(apex: DomainName)
}
