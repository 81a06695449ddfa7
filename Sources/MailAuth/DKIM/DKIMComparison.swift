/// Whether a published DKIM key record is the one wanted, judged by meaning: how the TXT is
/// split into strings, whitespace inside `p=`, tag order and spelled-out defaults (`v=DKIM1`,
/// `k=rsa`, `s=*`) make no difference.
public enum DKIMComparison: Sendable, Hashable {
    case same
    /// The tags whose meaning differs, in the order `v k h s t n p` then unknown tags by name.
    case different(tags: [String])
    /// The published record cannot be read, so it must be replaced.
    case publishedInvalid(DKIMProblem)
    /// The wanted record cannot be read: the user's input is wrong.
    case wantedInvalid(DKIMProblem)

    /// Compares the wanted record text with the strings of the published TXT record.
    public static func compare(wanted: String, published: [String]) -> DKIMComparison {
        let wantedRecord: DKIMKeyRecord
        do {
            wantedRecord = try DKIMKeyRecord(wanted)
        } catch {
            return .wantedInvalid(error)
        }
        return compare(wanted: wantedRecord, published: published)
    }

    /// The same, for a wanted record read already (the planner reads it once per sender).
    public static func compare(wanted wantedRecord: DKIMKeyRecord, published: [String]) -> DKIMComparison {
        compare(
            wanted: wantedRecord,
            publishedRecord: Result { () throws(DKIMProblem) in try DKIMKeyRecord(strings: published) })
    }

    /// The same, for a published record read already (`DKIMKeyRecord(strings:)` of its strings, or why it
    /// cannot be read): the planner reads each TXT record at a selector once.
    public static func compare(
        wanted wantedRecord: DKIMKeyRecord, publishedRecord: Result<DKIMKeyRecord, DKIMProblem>
    ) -> DKIMComparison {
        switch publishedRecord {
        case .success(let published):
            let differences = wantedRecord.differences(from: published)
            return differences.isEmpty ? .same : .different(tags: differences)
        case .failure(let error):
            return .publishedInvalid(error)
        }
    }
}

extension DKIMKeyRecord {
    /// Names of the tags whose meaning differs between the two records.
    public func differences(from other: DKIMKeyRecord) -> [String] {
        var differences: [String] = []
        if keyType != other.keyType { differences.append("k") }
        if hashAlgorithms.map(Set.init) != other.hashAlgorithms.map(Set.init) { differences.append("h") }
        if Set(serviceTypes) != Set(other.serviceTypes) { differences.append("s") }
        if Set(flags) != Set(other.flags) { differences.append("t") }
        if notes != other.notes { differences.append("n") }
        if publicKeyData != other.publicKeyData { differences.append("p") }
        let mine = unknownTags
        let theirs = other.unknownTags
        for name in Set(mine.keys).union(theirs.keys).sorted() where mine[name] != theirs[name] {
            differences.append(name)
        }
        return differences
    }

    /// Whether both records say the same thing.
    public func hasSameMeaning(as other: DKIMKeyRecord) -> Bool {
        differences(from: other).isEmpty
    }

    private static let knownTags: Set<String> = ["v", "k", "h", "s", "t", "n", "p"]

    /// Tags RFC 6376 does not define, whitespace collapsed.
    private var unknownTags: [String: String] {
        var tags: [String: String] = [:]
        for spec in tagSpecs where !Self.knownTags.contains(spec.name) {
            tags[spec.name] = TagList.collapsingFWS(spec.value)
        }
        return tags
    }
}
