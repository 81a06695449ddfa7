import MailAuth

/// The DMARC policies a sender asks for against the ones its zone's record has, after the
/// never-weaken merge: what was kept stricter than asked (said in the plan, so a declared
/// `p: none` is not silently ignored) and, for a reviewed downgrade (`dmarc: { allow_weaker: true }`),
/// the policies lowered as declared.
struct DMARCPolicyComparison {
    /// The record to write: the merged one, with the declared `p`/`sp` lowered into it on a downgrade.
    private(set) var result: String
    /// `p=quarantine to p=none`: each policy the downgrade lowers.
    private(set) var lowered: [String] = []
    /// Remarks for the plan item: `kept p=quarantine; the declaration asks p=none`, or what was lowered.
    private(set) var remarks: [String] = []

    /// - Parameters:
    ///   - wanted: The record the sender asks for (the services' with the `dmarc:` tags over it).
    ///   - existing: The zone's one DMARC record at the name, if it has exactly one.
    ///   - merged: The merge of the two (`DMARCMerge`), which keeps the stricter policies.
    ///   - declared: The sender's `dmarc:` tags: a policy set there is "the declaration's", else the presets'.
    ///   - presets: The presets asking for the record, to name them.
    ///   - downgrade: `allow_weaker: true` under `dmarc:`.
    ///   - read: Reads a record's text, nil when it is no DMARC record (the planner's reads are kept per text).
    init(
        wanted: String, existing: String?, merged: String, declared: DMARCOverrides?, presets: [String],
        downgrade: Bool,
        read: (String) -> DMARCRecord? = { try? DMARCRecord($0) }
    ) {
        result = merged
        guard let existing, let current = read(existing), let asked = read(wanted), var record = read(merged)
        else { return }
        for tag in ["p", "sp"] {
            guard let want = asked.value(of: tag).flatMap(DMARCPolicy.init(value:)) else { continue }
            // What the zone's record gives now: sp falls back to p.
            let nowValue = current.value(of: tag) ?? (tag == "sp" ? current.value(of: "p") : nil)
            guard let now = nowValue.flatMap(DMARCPolicy.init(value:)), want < now else { continue }
            let isDeclared = tag == "p" ? declared?.p != nil : declared?.sp != nil
            if downgrade, isDeclared {
                if let index = record.tags.firstIndex(where: { $0.name.lowercased() == tag }) {
                    record.tags[index].value = want.rawValue
                } else {
                    record.tags.append(DMARCRecord.Tag(name: tag, value: want.rawValue))
                }
                lowered.append("\(tag)=\(now.rawValue) to \(tag)=\(want.rawValue)")
            } else {
                let who = isDeclared || presets.isEmpty ? "the declaration" : presets.joined(separator: ", ")
                var remark = "kept \(tag)=\(now.rawValue); \(who) asks \(tag)=\(want.rawValue)"
                if isDeclared { remark += ": add `allow_weaker: true` under `dmarc:` to lower it" }
                remarks.append(remark)
            }
        }
        if !lowered.isEmpty {
            result = record.text
            remarks.insert(
                "lowers \(lowered.joined(separator: " and ")): a downgrade `allow_weaker: true` allows", at: 0)
        }
    }
}
