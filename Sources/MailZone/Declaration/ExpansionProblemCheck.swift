/// Finds, without building a sender's records, the senders whose expansion cannot report a problem, so the
/// loader expands only the others to find the problems only a filled-in record shows.
///
/// `SenderExpander` reports three things: a record's name that is not a valid DNS name, an SPF record's name that
/// is not one, and a `dmarc:` without `p` that no service's DMARC record takes. A preset whose names are all
/// written out (`@`, `_dmarc`, `qcloud._domainkey`: no placeholder) makes the same names for every sender, valid
/// under any sender domain that leaves room for the longest; that is worked out once per preset, not by
/// expanding each of a hosting provider's thousands of senders only to drop their records.
struct ExpansionProblemCheck {
    /// Each preset by name (the first of a name, as `PresetCatalog.preset(named:)` finds it): the octets its
    /// longest written-out name puts before a sender domain (0 when every name is `@`), or nil when a name
    /// has a placeholder or is not a valid relative name.
    private let longestNames: [String: Int?]

    init(catalog: PresetCatalog) {
        var longestNames: [String: Int?] = [:]
        for definition in catalog.definitions where longestNames[definition.name] == nil {
            longestNames[definition.name] = Self.longestName(of: definition)
        }
        self.longestNames = longestNames
    }

    /// The octets `definition`'s longest record or SPF name puts before a sender domain when every name is
    /// written out and valid; nil otherwise.
    static func longestName(of definition: PresetDefinition) -> Int? {
        var longest = 0
        for templates in definition.recordTemplates + definition.spfRequests.map(\.templates) {
            guard let written = templates.writtenName else { return nil }
            if !written.labels.isEmpty { longest = max(longest, written.text.utf8.count) }
        }
        return longest
    }

    /// False when expanding `sender` reports no problem; true when it may (then it is expanded).
    func mayReportProblems(_ sender: SenderDeclaration) -> Bool {
        // An absent sender's records are not expanded, nor its `dmarc:` read.
        if sender.isAbsent { return false }
        if let dmarc = sender.dmarc, dmarc.p == nil { return true }
        let room = 253 - sender.domain.value.lengthBelowPrefix
        for service in sender.services where !service.isAbsent {
            // A Domain Connect template makes this sender's own preset, names and all.
            if service.domainConnect != nil { return true }
            // A preset not in the catalog has no records to expand (the validator reports it).
            guard let longest = longestNames[service.preset.value] else { continue }
            // Written-out names are the same for the selectors a service lists (`dkim: { s2024: KEY }`) and whatever
            // the inputs, so only the room under the sender is left to check.
            guard let longest, longest == 0 || longest <= room else { return true }
        }
        return false
    }
}
