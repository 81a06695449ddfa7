import MailAuth

/// A service whose records a zone already has for a sender domain, with the inputs that give them.
struct RecognisedService: Sendable {
    var preset: String
    /// The inputs in the preset's order (`dkim.google`, `return_path_label`), without those equal to
    /// their default: what the declaration writes.
    var inputs: [(name: String, value: String)]
    /// Positions in `MailRecordIndex.records` of the zone records its templates matched.
    var records: Set<Int>
    /// The SPF `include:` domain it matched, lower-cased (nil for a preset without SPF).
    var include: String?
    /// Whether the preset asks for MX records the zone does not have (all of them, or some: Google's
    /// older set has `aspmx2.googlemail.com.` where the preset has `alt3.aspmx.l.google.com.`).
    var mxMissing: Bool
    /// Required records (other than MX and DMARC) or the SPF include the zone lacks, in words; empty
    /// when every one is there.
    var missing: [String]
    /// Whether every required input has a value.
    var inputsComplete: Bool

    /// Whether the zone has the service whole (MX aside: `mx:` decides about those).
    var isComplete: Bool { missing.isEmpty && inputsComplete }
}

/// Recognises services at a sender domain by reading the preset catalogue's templates backwards
/// against the zone's records (`TemplateMatch`): no service is named in code, so the user's own
/// presets and the catalogue's corrections are recognised the same way.
///
/// A preset is *present* when at least one of its distinctive pieces matched: its SPF include, or
/// a record template with enough fixed text (`qcloud._domainkey`, `s1.domainkey.${host}.`, an
/// MX host). Templates with little fixed text (`${label}` → `${host}.`, a whole-value TXT) match
/// only once others have bound their inputs, or when the value has the shape of the input's example.
/// DMARC records are left to the planner, which merges them without weakening.
struct ServiceRecognizer {
    let catalog: PresetCatalog
    let index: MailRecordIndex

    /// Every preset present at `domain` (absolute, lower-cased), in catalogue order.
    func services(at domain: String) -> [RecognisedService] {
        let under = index.indices(under: domain)
        let spf = spfIncludes(at: domain)
        return catalog.definitions.compactMap { definition in
            // A preset with variants (Mailgun's TXT key or CNAMEs) is recognised in each; the one the
            // zone has whole wins, else the one it has most of.
            let found = Self.variants(of: definition).compactMap {
                recognise(definition, variant: $0, at: domain, records: under, spf: spf)
            }
            return found.enumerated().max { a, b in
                (a.element.isComplete ? 1 : 0, a.element.records.count, -a.offset)
                    < (b.element.isComplete ? 1 : 0, b.element.records.count, -b.offset)
            }?.element
        }
    }

    /// Each variant of a preset: one value for every input a record's `when:` names (the default
    /// first), or one empty variant when no record has a condition.
    static func variants(of definition: PresetDefinition) -> [[String: String]] {
        var names: [String] = []
        for record in definition.preset.records {
            for name in record.when.keys.sorted() where !names.contains(name) { names.append(name) }
        }
        var variants: [[String: String]] = [[:]]
        for name in names {
            guard let input = definition.preset.inputs.first(where: { $0.name == name }) else { continue }
            let values =
                input.defaultValue.map { [$0] + input.allowedValues.filter { value in value != input.defaultValue } }
                ?? input.allowedValues
            variants = variants.flatMap { variant in
                values.map { value in variant.merging([name: value]) { _, new in new } }
            }
        }
        return variants
    }

    /// The `include:` terms (lower-cased, `+` qualifier dropped) of the SPF record at each name at or
    /// below `domain`, by the name relative to it; other qualifiers are left out (a `-include:` is
    /// not the service's include).
    func spfIncludes(at domain: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for position in index.indices(under: domain) {
            let entry = index.records[position]
            guard entry.type == "TXT", MailRecordIndex.isSPF(entry.value) else { continue }
            let terms = entry.value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map { $0.lowercased() }
            let includes = terms.compactMap { term -> String? in
                let bare = term.hasPrefix("+") ? term.dropFirst() : Substring(term)
                guard bare.hasPrefix("include:") else { return nil }
                return String(bare.dropFirst("include:".count))
            }
            result[MailRecordIndex.relative(entry.owner, to: domain), default: []] += includes
        }
        return result
    }

    private func recognise(
        _ definition: PresetDefinition, variant: [String: String], at domain: String, records under: [Int],
        spf: [String: [String]]
    ) -> RecognisedService? {
        let preset = definition.preset
        let bare = String(domain.dropLast())
        var bound = ["domain": bare, "domain_dashed": bare.replacingOccurrences(of: ".", with: "-")]
        // Defaults first, with the variant's values: AWS's `${token1}.${region.dkim}.` is then
        // `${token1}.dkim.amazonses.com.`, with fixed text.
        let written = definition.defaultValues.merging(variant) { _, new in new }
        for input in preset.inputs {
            if let value = written[input.name] { bound.merge(input.placeholderValues(for: value)) { _, new in new } }
        }
        let defaults = bound
        var distinctive = false
        var missing: [String] = []
        var include: String?
        if let spfTemplates = definition.spfTemplates, let spfPreset = preset.spf {
            let name = spfTemplates.name.expand(bound)?.lowercased() ?? spfPreset.name
            let candidates = spf[name] ?? []
            let found = candidates.lazy.compactMap { term in
                TemplateMatch.bindings(of: spfTemplates.value, in: term, bound: bound, caseInsensitive: true, limit: 1)
                    .first.map { (term, $0) }
            }.first
            if let (term, values) = found {
                bound = values
                include = term
                distinctive = true
            } else {
                missing.append("include:\(spfTemplates.value.expand(bound) ?? spfPreset.include) in the SPF record")
            }
        }
        // Distinctive templates first (they decide whether the service is there and bind inputs), then
        // required before optional.
        let candidates = preset.records.indices.filter {
            ![.dmarc, .spf].contains(preset.records[$0].purpose) && preset.records[$0].applies(to: written)
        }
        let weights = Dictionary(
            uniqueKeysWithValues: candidates.map { ($0, weight(definition, $0, defaults: defaults)) })
        let order = candidates.sorted {
            let a = (weights[$0] ?? 0) >= 3 ? 0 : 1
            let b = (weights[$1] ?? 0) >= 3 ? 0 : 1
            return (a, preset.records[$0].optional ? 1 : 0, -(weights[$0] ?? 0), $0)
                < (b, preset.records[$1].optional ? 1 : 0, -(weights[$1] ?? 0), $1)
        }
        var matched: Set<Int> = []
        var mxWanted = 0
        var mxFound = 0
        for recordIndex in order {
            let record = preset.records[recordIndex]
            let templates = definition.recordTemplates[recordIndex]
            let isMX = record.purpose == .mx
            if isMX, !record.optional { mxWanted += 1 }
            let isDistinctive = (weights[recordIndex] ?? 0) >= 3
            var hit: (Int, [String: String])?
            // A template that is little but placeholders is looked for only once the service is there.
            for position in under where !matched.contains(position) && (isDistinctive || distinctive) {
                let entry = index.records[position]
                guard entry.type == record.type.uppercased() else { continue }
                let relative = MailRecordIndex.relative(entry.owner, to: domain)
                for names in TemplateMatch.bindings(
                    of: templates.name, in: relative, bound: bound, caseInsensitive: true)
                {
                    let caseless = record.type.uppercased() != "TXT"
                    guard
                        let values = TemplateMatch.bindings(
                            of: templates.value, in: entry.value, bound: names, caseInsensitive: caseless, limit: 1
                        ).first
                    else { continue }
                    // Such a template takes a value only when another record bound one of its inputs, or
                    // when the value has the shape of the input's example (a DKIM key, `google-site-verification=`).
                    if !isDistinctive,
                        !acceptsLoose(definition, recordIndex, bound: bound, defaults: defaults, values: values)
                    {
                        continue
                    }
                    hit = (position, values)
                    break
                }
                if hit != nil { break }
            }
            if let (position, values) = hit {
                matched.insert(position)
                bound = values
                if isDistinctive { distinctive = true }
                if isMX, !record.optional { mxFound += 1 }
            } else if !record.optional && !isMX {
                missing.append(
                    "\(templates.name.expand(bound) ?? record.name) \(record.type) \(templates.value.expand(bound) ?? record.value)"
                )
            }
        }
        guard distinctive else { return nil }
        var inputs: [(name: String, value: String)] = []
        var inputsComplete = true
        for input in preset.inputs {
            guard var value = bound[input.name] else {
                if definition.requiredInputs(given: written).contains(where: { $0.name == input.name }) {
                    inputsComplete = false
                }
                continue
            }
            // An input with named values (`region: eu` for `eu.mailgun.org`) is written by its name.
            if !input.expansions.isEmpty {
                guard let key = input.expansions.first(where: { $0.value.lowercased() == value.lowercased() })?.key
                else {
                    inputsComplete = false
                    continue
                }
                value = key
            }
            if let defaultValue = input.defaultValue, defaultValue.lowercased() == value.lowercased() { continue }
            inputs.append((input.name, value))
        }
        return RecognisedService(
            preset: preset.name, inputs: inputs, records: matched, include: include,
            mxMissing: mxFound < mxWanted, missing: missing, inputsComplete: inputsComplete)
    }

    /// The fixed text of a record template, name and value, defaults counted as fixed; DNS's own
    /// labels (`_domainkey`, `_dmarc`) say nothing of the service and do not count.
    private func weight(_ definition: PresetDefinition, _ recordIndex: Int, defaults: [String: String]) -> Int {
        let templates = definition.recordTemplates[recordIndex]
        return TemplateMatch.fixedLength(templates.name, defaults: defaults)
            + TemplateMatch.fixedLength(templates.value, defaults: defaults)
    }

    /// Whether a match of a template with little fixed text is believable: one of its inputs was
    /// bound already, or the new values look like the inputs' examples.
    private func acceptsLoose(
        _ definition: PresetDefinition, _ recordIndex: Int, bound: [String: String], defaults: [String: String],
        values: [String: String]
    ) -> Bool {
        let record = definition.preset.records[recordIndex]
        // Anchored by an input another record bound (SendGrid's return path, once `s1._domainkey` gave the host).
        if definition.recordTemplates[recordIndex].inputs.contains(where: { bound[$0] != nil && defaults[$0] == nil }) {
            return true
        }
        for (name, value) in values where bound[name] == nil {
            if record.purpose == .dkim {
                // A DKIM key record has a p= tag (RFC 6376 §3.6.1); a CNAME-style DKIM target binds a host.
                if record.type.uppercased() == "TXT", !value.lowercased().contains("p=") { return false }
                continue
            }
            guard let example = definition.preset.inputs.first(where: { $0.name == name })?.example,
                let shape = Self.shape(of: example)
            else { return false }
            if !value.lowercased().hasPrefix(shape.lowercased()) { return false }
        }
        return true
    }

    /// What an example value starts with that any real value starts with too: `v=DKIM1` of a
    /// version tag, `google-site-verification=` of a `key=value` token; nil when it has no such start.
    static func shape(of example: String) -> String? {
        let term = example.prefix { $0 != ";" && $0 != " " }
        if term.lowercased().hasPrefix("v=") { return String(term) }
        guard let equals = term.firstIndex(of: "=") else { return nil }
        return String(term[...equals])
    }
}
