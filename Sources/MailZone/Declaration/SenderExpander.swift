import Foundation
import MailAuth

/// Expands a sender's services into concrete records: templates filled with the
/// user's inputs, names placed under the sender and made relative to its zone,
/// the user's DMARC tags applied.
///
/// Runs on services whose preset and inputs `DeclarationValidator` accepted;
/// a service it cannot expand (unknown preset) is skipped, having been reported.
struct SenderExpander {
    let catalog: PresetCatalog

    /// The inputs of a DKIM record that a rotating service's listed selectors give once per selector.
    private static let dkimInputs: Set<String> = [PresetDefinition.selectorInput, PresetDefinition.keyInput]

    func expand(_ sender: SenderDeclaration, zone: ZoneDeclaration?, diagnostics: inout Diagnostics) -> SenderRecords {
        let domain = sender.domain.value
        let origin = zone?.origin.value
        // The sender's name in its zone, worked out once: its records' owners are names put before it.
        let senderRelative = origin.flatMap { domain.relative(to: $0) }
        var records: [WantedRecord] = []
        // The SPF records wanted, one per owner, made as they are asked for (not a list of requests made first).
        var spf: [WantedSPF] = []

        // The built-in placeholders' values, made for the sender when a preset's templates first use them (3 of
        // the 19 built-in presets do), not two strings made for every sender.
        var builtIns: (domain: String, dashed: String)? = nil
        // `presentServices` without its filtered copy of the services.
        for service in sender.services where !sender.isAbsent && !service.isAbsent {
            let definition: PresetDefinition
            if let template = service.domainConnect {
                // Made for this sender from its Domain Connect template; nil when that failed (reported).
                guard let made = template.definition else { continue }
                definition = made
            } else {
                guard let found = catalog.preset(named: service.preset.value) else { continue }
                definition = found
            }
            let preset = definition.preset
            let ttl = service.ttl ?? sender.ttl
            // What the user wrote (or the default) picks the variant; the templates get expansions.
            let written = definition.writtenValues(of: service)
            var values: [String: String]
            if !definition.usesBuiltIns, preset.inputs.allSatisfy({ $0.expansions.isEmpty && $0.parts.isEmpty }) {
                // Each input's placeholder is its value (most presets): the templates get what was written, the
                // table shared, not a second one made for every service of every sender.
                values = written
            } else {
                values = [:]
                if definition.usesBuiltIns {
                    let made = builtIns ?? Self.builtInValues(of: domain)
                    builtIns = made
                    values = ["domain": made.domain, "domain_dashed": made.dashed]
                }
                for input in preset.inputs {
                    if let value = written[input.name] { input.addPlaceholderValues(for: value, to: &values) }
                }
            }
            for input in service.inputs where preset.inputs.allSatisfy({ $0.name != input.name.value }) {
                values[input.name.value] = input.value.value
            }

            // One list for the service's records, shared by each (not one made for each record).
            let presets = [preset.name]
            // Room for the service's records (more only for listed selectors): not grown a record at a time.
            records.reserveCapacity(records.count + preset.records.count)

            // One record of the preset (at `index`) with `values` filled in, added to `records`; `listedSource`
            // is where a listed selector's key was written. The definition is passed, not captured: captured, it
            // was copied (every part of it retained and released) for each record of each sender.
            func expandRecord(
                _ index: Int, of definition: PresetDefinition, _ values: [String: String], listedSource: YAMLLocation?
            ) {
                let templates = definition.recordTemplates[index]
                // An optional record is wanted only when all its inputs are given; a required one
                // with a missing input has been reported by the validator.
                guard templates.inputs.allSatisfy({ values[$0] != nil }),
                    let name = templates.writtenName?.text ?? templates.name.expand(values),
                    let value = templates.value.expand(values)
                else { return }
                let source =
                    listedSource
                    ?? templates.inputs.lazy.compactMap { service.input($0)?.value.location }.first
                    ?? service.preset.location
                guard
                    let owner = Self.owner(
                        templates, named: name, sender: domain, origin: origin, senderRelative: senderRelative)
                else {
                    let problem = DeclaredName.problem(in: name + "." + domain.text) ?? "it is not a valid name"
                    diagnostics.error(
                        at: source,
                        "the \(definition.preset.name) record '\(name)' for \(domain.text) is not a valid DNS name: \(problem)",
                        hint: "check the inputs that make up the name")
                    return
                }
                // The preset's record read once, not once for each of its fields.
                let record = definition.preset.records[index]
                var wanted = WantedRecord(
                    owner: owner, type: record.type, value: value, purpose: record.purpose,
                    presets: presets, unconfirmed: record.isUnconfirmed(given: written), note: record.note,
                    source: source, presetSource: definition.recordLocations[index], ttl: ttl)
                wanted.txtConflict = index < definition.txtConflicts.count ? definition.txtConflicts[index] : .none
                wanted.exclusive = record.exclusive
                if let existing = records.firstIndex(where: {
                    $0.owner == owner && $0.type == wanted.type && $0.value == wanted.value
                }) {
                    if !records[existing].presets.contains(definition.preset.name) {
                        records[existing].presets.append(definition.preset.name)
                    }
                } else {
                    records.append(wanted)
                }
            }

            // The selectors a rotating service lists (`dkim: { s2024: KEY, s2025: KEY }`): its DKIM records
            // once per selector, each with its key. Each record is expanded as it is reached, in the preset's
            // order, with no list of the expansions made first (one for every service of every sender).
            let listed = service.listedSelectors(of: definition)
            for index in preset.records.indices where preset.records[index].applies(to: written) {
                let usesSelector = definition.recordTemplates[index].inputs.contains(where: Self.dkimInputs.contains)
                guard !listed.isEmpty, usesSelector else {
                    expandRecord(index, of: definition, values, listedSource: nil)
                    continue
                }
                // The preset's own selector input, when given, is one more selector beside the listed ones.
                if values[PresetDefinition.selectorInput] != nil && values[PresetDefinition.keyInput] != nil {
                    expandRecord(index, of: definition, values, listedSource: nil)
                }
                for selector in listed {
                    var selected = values
                    selected[PresetDefinition.selectorInput] = String(selector.name.value.dropFirst("dkim.".count))
                    selected[PresetDefinition.keyInput] = selector.value.value
                    expandRecord(index, of: definition, selected, listedSource: selector.value.location)
                }
            }

            // One of the preset's SPF includes (`PresetDefinition.forEachSPFRequest`).
            func requestSPF(_ request: PresetSPF, _ templates: PresetDefinition.RecordTemplates) {
                guard templates.inputs.allSatisfy({ values[$0] != nil }),
                    let name = templates.writtenName?.text ?? templates.name.expand(values),
                    let include = templates.value.expand(values)
                else { return }
                guard
                    let owner = Self.owner(
                        templates, named: name, sender: domain, origin: origin, senderRelative: senderRelative)
                else {
                    diagnostics.error(
                        at: service.preset.location,
                        "the \(preset.name) SPF record name '\(name)' for \(domain.text) is not a valid DNS name")
                    return
                }
                let domainText = include.hasSuffix(".") ? String(include.dropLast()) : include
                let entry = SPFInclude(
                    domain: domainText, preset: preset.name, unconfirmed: request.isUnconfirmed(given: written),
                    source: service.preset.location)
                // Found by position: a search by element copies each entry, its includes and owner.
                if let index = spf.indices.first(where: { spf[$0].owner == owner }) {
                    if !spf[index].includes.contains(where: { $0.domain.lowercased() == domainText.lowercased() }) {
                        spf[index].includes.append(entry)
                    }
                    if spf[index].ttl == nil || spf[index].ttl == sender.ttl, service.ttl != nil {
                        spf[index].ttl = service.ttl
                    }
                } else {
                    spf.append(
                        WantedSPF(
                            owner: owner, includes: [entry],
                            all: sender.spf.all?.value.rawValue ?? request.suggestedAll,
                            fold: sender.spf.foldsRecords, ttl: ttl))
                }
            }
            definition.forEachSPFRequest(requestSPF)
        }

        applyDMARC(sender, origin: origin, to: &records, diagnostics: &diagnostics)
        return SenderRecords(sender: sender, zone: zone, records: records, spf: spf)
    }

    /// `${domain}` and `${domain_dashed}` of a sender: its name without the trailing dot, and the same with
    /// its dots made dashes octet by octet, straight into the string (a name is ASCII; Foundation's
    /// replacement bridges the text).
    private static func builtInValues(of domain: DeclaredName) -> (domain: String, dashed: String) {
        let text = domain.text
        let dashed = String(unsafeUninitializedCapacity: text.utf8.count) { dashed in
            for (index, octet) in text.utf8.enumerated() { dashed[index] = octet == 0x2E ? 0x2D : octet }
            return text.utf8.count
        }
        return (text, dashed)
    }

    /// The owner of a record named `name` by `templates`: its name read once for the preset when written out
    /// (`WrittenName`), else read as expanded for this sender.
    private static func owner(
        _ templates: PresetDefinition.RecordTemplates, named name: String, sender: DeclaredName, origin: DeclaredName?,
        senderRelative: String?
    ) -> RecordOwner? {
        if let written = templates.writtenName {
            return ZoneAssignment.owner(
                written: written, sender: sender, origin: origin, senderRelative: senderRelative)
        }
        return ZoneAssignment.owner(forPresetName: name, sender: sender, origin: origin, senderRelative: senderRelative)
    }

    /// Sets the user's `dmarc:` tags on the services' DMARC records, or creates one at `_dmarc`
    /// when no service asks for it (then `p` is required).
    private func applyDMARC(
        _ sender: SenderDeclaration, origin: DeclaredName?, to records: inout [WantedRecord],
        diagnostics: inout Diagnostics
    ) {
        guard let dmarc = sender.dmarc, !sender.isAbsent else { return }
        let indices = records.indices.filter { records[$0].purpose == .dmarc && records[$0].type == "TXT" }
        if indices.isEmpty {
            guard dmarc.p != nil else {
                diagnostics.error(
                    at: dmarc.location,
                    "no service of \(sender.domain.value.text) asks for a DMARC record, so 'dmarc' must set the policy 'p'",
                    hint: "add 'p: none', 'p: quarantine' or 'p: reject'")
                return
            }
            guard let owner = ZoneAssignment.owner(forPresetName: "_dmarc", sender: sender.domain.value, origin: origin)
            else { return }
            records.append(
                WantedRecord(
                    owner: owner, type: "TXT", value: Self.apply(dmarc, to: "v=DMARC1"),
                    purpose: .dmarc, presets: [], source: dmarc.location, presetSource: nil, ttl: sender.ttl))
            return
        }
        for index in indices {
            records[index].value = Self.apply(dmarc, to: records[index].value)
            records[index].source = dmarc.location
        }
    }

    /// `v=DMARC1; p=none` with the overrides set: existing tags keep their place and get the new
    /// value, new tags follow in RFC order.
    static func apply(_ overrides: DMARCOverrides, to record: String) -> String {
        var tags: [(String, String)] = record.split(separator: ";").compactMap { part in
            let trimmed = part.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            guard let equals = trimmed.firstIndex(of: "=") else { return (trimmed, "") }
            return (
                trimmed[..<equals].trimmingCharacters(in: .whitespaces),
                trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            )
        }
        for (tag, value) in overrides.tags {
            if let index = tags.firstIndex(where: { $0.0 == tag }) {
                tags[index].1 = value
            } else {
                tags.append((tag, value))
            }
        }
        return tags.map { "\($0.0)=\($0.1)" }.joined(separator: "; ")
    }
}
