/// The catalogue of ZoneFile's diagnostics: for each kind its stable id, severity, message and notes.
///
/// Every word ZoneFile writes about a zone's problems is here, in one exhaustive switch, so a new
/// kind cannot be added without its text, the wording of related problems is read side by side, and
/// the ids stay stable (`Tests/ZoneFileTests/Fixtures/diagnostic-catalogue.txt` pins every kind's).
/// Messages say what is wrong and, where the reader can act, what to do.
extension DiagnosticKind {
    /// Stable id of the problem's family (`ttl.unknown-unit`), for tests and filters; it never changes
    /// with the wording.
    public var id: String { entry.id }

    /// Whether the problem makes the zone unusable (`error`) or is worth a look (`warning`).
    public var severity: Diagnostic.Severity { entry.severity }

    /// The message, one line, as `file:line:column: severity: message` shows it.
    public var message: String { entry.message }

    /// Further remarks, each on its own line: where the other half of a conflict is.
    public var notes: [String] {
        switch self {
        case .duplicateRecord(_, _, let firstAt): ["the same record is at \(firstAt)"]
        case .cnameAndOther(_, let cnameAt, let otherType, let otherAt):
            ["the CNAME is at \(cnameAt); the \(otherType) record at \(otherAt)"]
        case .duplicateSOA(let firstAt), .multipleSOA(let firstAt): ["the first SOA is at \(firstAt)"]
        default: []
        }
    }

    private var entry: (id: String, severity: Diagnostic.Severity, message: String) {
        switch self {
        // The file.
        case .fileUnreadable(let reason): ("file.unreadable", .error, reason)
        case .fileOverTotalBytes(let reason): ("limit.total-bytes", .error, reason)
        case .fileEmpty:
            ("file.empty", .error, "the zone file is empty; a zone needs at least its SOA and NS records")
        case .fileOver4GiB: ("file.too-large", .error, "file is larger than 4 GiB; split it with $INCLUDE")
        case .fileChangedWhileRead:
            (
                "file.changed", .error,
                "the file was cut short while it was read (another program truncated it); read it again once it is written"
            )

        // Limits.
        case .tooManyProblems(let limit):
            (
                "limit.diagnostics", .error,
                "more than \(limit) problems; the rest are not reported (is this a zone file?)"
            )
        case .tooManyProblemsAfterChecks(let limit):
            ("limit.diagnostics", .error, "more than \(limit) problems; the rest are not reported")
        case .entryTooLong(let length, let limit):
            (
                "limit.entry-length", .error,
                "entry is \(length) bytes long; the limit is \(limit) (a missing ')'?)"
            )
        case .includeTooDeep(let limit, let reading, let innermost):
            (
                "limit.include-depth", .error,
                "$INCLUDE nested more than \(limit) deep (\(reading) files are being read: \(innermost) is the innermost)"
            )
        case .tooManyIncludes(let limit):
            (
                "limit.include-count", .error,
                "$INCLUDE would read more than \(limit) files in this zone (each inclusion of a file counts)"
            )
        case .includeOverTotalBytes(let name, let path, let limit):
            (
                "limit.total-bytes", .error,
                "$INCLUDE '\(name)': \(path) would take the zone past its limit of \(limit) bytes read in all files"
            )
        case .generateTooLarge(let count, let limit):
            ("limit.generate", .error, "$GENERATE range makes \(count) records; the limit is \(limit)")
        case .generateOverZoneTotal(let count, let made, let limit):
            (
                "limit.generate-total", .error,
                "$GENERATE range makes \(count) records, and the zone's $GENERATEs already made \(made); the limit for the zone is \(limit)"
            )
        case .tooManyRecords(let limit):
            (
                "limit.records", .error,
                "the zone has more than \(limit) records; raise the limit if this is expected"
            )

        // Lexical.
        case .unbalancedQuotes:
            ("lex.unbalanced-quotes", .error, "unbalanced quotes: this string has no closing '\"' on its line")
        case .unbalancedCloseParen: ("lex.unbalanced-paren", .error, "')' without a matching '('")
        case .unclosedParen:
            (
                "lex.unclosed-paren", .error,
                "'(' is never closed; the rest of the file was read as part of this entry"
            )
        case .nulByte: ("lex.nul", .error, "NUL byte in the zone file (binary data?)")

        // Directives.
        case .originArguments: ("directive.arguments", .error, "$ORIGIN takes one domain name")
        case .ttlArguments: ("directive.arguments", .error, "$TTL takes one TTL")
        case .includeArguments:
            ("directive.arguments", .error, "$INCLUDE takes a file name and an optional origin")
        case .relativeOriginWithoutOrigin(let text):
            ("origin.unknown", .error, "relative $ORIGIN '\(text)' but no origin is known; end it with '.'")
        case .invalidOrigin(let text, let reason): ("name.invalid", .error, "bad $ORIGIN '\(text)': \(reason)")
        case .unknownDirective(let text):
            (
                "directive.unknown", .error,
                "unknown directive '\(text)'; known: $ORIGIN, $TTL, $INCLUDE, $GENERATE"
            )
        case .invalidIncludeFileName: ("include.path", .error, "bad $INCLUDE file name")
        case .invalidIncludeOrigin(let text, let reason):
            ("name.invalid", .error, "bad $INCLUDE origin '\(text)': \(reason)")
        case .includeRefused(let name):
            (
                "include.refused", .error,
                "$INCLUDE '\(name)' is not read: this load reads no included files (LoadOptions.includes is .refused); put its records in the zone file, or load with includes allowed"
            )
        case .includeOutsideZoneDirectory(let name, let resolved, let directory):
            (
                "include.outside", .error,
                "$INCLUDE '\(name)' resolves to \(resolved), outside \(directory), the zone file's directory; move the file beside the zone, or load with LoadOptions.includes set to .confined(to:) a directory that holds it, or to .anywhere"
            )
        case .includeOutside(let name, let resolved, let root):
            (
                "include.outside", .error,
                "$INCLUDE '\(name)' resolves to \(resolved), outside \(root); keep included files in the repository or allow it explicitly"
            )
        case .includeCycle(let includingFile, let included, let cycle):
            (
                "include.cycle", .error,
                "$INCLUDE cycle: \(includingFile) includes \(included), which is already being read (\(cycle.joined(separator: " -> ")))"
            )
        case .includeUnreadable(let name, let path, let reason):
            ("include.unreadable", .error, "$INCLUDE '\(name)': \(path) \(reason)")

        // $GENERATE.
        case .generateArgumentsMissing:
            (
                "generate.arguments", .error,
                "$GENERATE needs a range, an owner template, a type and an RDATA template"
            )
        case .generateArgumentsMisplaced:
            (
                "generate.arguments", .error,
                "$GENERATE takes RANGE LHS [TTL] [CLASS] TYPE RHS; quote the RHS if it has spaces"
            )
        case .generateRange(let text):
            (
                "generate.range", .error,
                "invalid $GENERATE range '\(text)'; write START-STOP or START-STOP/STEP with START <= STOP and STEP >= 1"
            )
        case .generateUnknownType(let text): ("record.unknown-type", .error, "unknown record type '\(text)'")
        case .generateMetaType(let type): ("record.meta-type", .error, "$GENERATE of meta RR type '\(type)'")
        case .generateWithoutOrigin:
            ("origin.unknown", .error, "$GENERATE needs an origin; give one with --origin or $ORIGIN")
        case .generateTemplate(let reason): ("generate.template", .error, "$GENERATE: \(reason)")
        case .generateRData(let type, let text, let reason):
            ("rdata.invalid", .error, "$GENERATE \(type) RDATA '\(text)': \(reason)")

        // Records.
        case .ownerMissing:
            ("owner.none", .error, "no owner name: the first record must start with an owner in column 1")
        case .ownerInheritedAfterOrigin(let owner, let origin):
            (
                "owner.inherited-after-origin", .warning,
                "record with inherited owner \(owner) right after the origin changed to \(origin); write the owner to make it clear"
            )
        case .ownerQuoted: ("owner.quoted", .error, "an owner name cannot be a quoted string")
        case .typeMissing: ("record.no-type", .error, "missing record type after the owner, TTL and class")
        case .typeLooksLikeTTL(let text):
            ("record.ttl-twice", .error, "'\(text)' where the record type belongs (a second TTL?)")
        case .unknownType(let text):
            (
                "record.unknown-type", .error,
                "unknown record type '\(text)'; use a mnemonic such as TXT or TYPEnnn"
            )
        case .metaType(let type):
            ("record.meta-type", .error, "\(type) is a meta type and cannot appear in a zone file")
        case .rdataWithoutOrigin:
            (
                "origin.unknown", .error,
                "no origin is known for this record's RDATA; give one with --origin or $ORIGIN"
            )
        case .invalidRData(let type, let reason): ("rdata.invalid", .error, "\(type) RDATA: \(reason)")
        case .ttlAboveMaximum(let label, let value):
            (
                "ttl.too-large", .warning,
                "\(label) \(value) is above 2147483647 (RFC 2181 §8); BIND sets it to 0"
            )
        case .ttlFromPreviousRecord:
            (
                "ttl.rfc1035", .warning,
                "no $TTL: records without a TTL take the previous record's TTL (RFC 1035); add a $TTL line"
            )
        case .ttlFromSOAMinimum(let minimum):
            ("ttl.soa-minimum", .warning, "no TTL specified; using SOA MINTTL (\(minimum)) instead")
        case .ttlMissing:
            ("ttl.none", .error, "no TTL specified: add a TTL to this record or a $TTL line before it")
        case .classMismatch(let recordClass, let zoneClass):
            ("record.class", .error, "class \(recordClass) differs from the zone's class \(zoneClass)")
        case .outOfZone(let owner, let origin):
            ("zone.out-of-zone", .warning, "ignoring out-of-zone data: \(owner) is not in \(origin)")
        case .relativeNameWithoutOrigin(let role, let text):
            (
                "origin.unknown", .error,
                "relative \(role) '\(text)' but no origin is known; give one with --origin or a $ORIGIN line"
            )
        case .invalidName(let role, let text, let reason): ("name.invalid", .error, "bad \(role) '\(text)': \(reason)")
        case .ttlUnknownUnit(let text, let unit):
            ("ttl.unknown-unit", .error, "TTL '\(text)' has an unknown unit '\(unit)'; use w, d, h, m or s")
        case .ttlWithoutNumber(let text):
            ("ttl.invalid", .error, "bad TTL '\(text)': a unit needs a number before it")
        case .ttlOverflow(let text): ("ttl.overflow", .error, "TTL '\(text)' does not fit in 32 bits")

        // The zone as a whole.
        case .originUnknown:
            (
                "origin.unknown", .error,
                "cannot tell the zone's origin: give --origin or start the file with $ORIGIN"
            )
        case .duplicateRecord(let owner, let type, _):
            (
                "zone.duplicate-record", .warning,
                "\(owner) \(type) appears again with the same data; BIND keeps one copy"
            )
        case .multipleCNAME(let owner):
            ("zone.multiple-cname", .error, "more than one CNAME at \(owner); a name has at most one")
        case .cnameAndOther(let owner, _, _, _):
            (
                "zone.cname-and-other", .error,
                "CNAME and other data at \(owner): a name with a CNAME can have no other records (RFC 1034 §3.6.2)"
            )
        case .soaNotAtApex(let owner, let apex):
            ("zone.soa-not-apex", .error, "SOA record at \(owner), not at the zone apex \(apex)")
        case .duplicateSOA:
            (
                "zone.duplicate-soa", .warning,
                "the SOA record appears again with the same data; a duplicate record counts once"
            )
        case .multipleSOA: ("zone.multiple-soa", .error, "more than one SOA record at the zone apex")
        case .dsAtApex(let apex):
            ("zone.ds-at-apex", .error, "DS record at the zone apex \(apex): DS records belong in the parent zone")
        case .noSOA(let apex): ("zone.no-soa", .error, "no SOA record at the zone apex \(apex)")
        case .cdnskeyWithoutDNSKEY:
            (
                "zone.cdnskey-mismatch", .error,
                "CDNSKEY record matches no DNSKEY record of the zone (RFC 7344 §4.1)"
            )
        case .noNS(let apex): ("zone.no-ns", .error, "no NS records at the zone apex \(apex)")
        }
    }
}
