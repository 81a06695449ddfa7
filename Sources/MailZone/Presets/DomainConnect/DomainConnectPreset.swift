import MailAuth
import ZoneFile

/// Turns a Domain Connect template, applied to one sender with the user's `params:`, into the
/// preset the planner already knows: records with every variable substituted, named relative to
/// the sender, SPFM rules as SPF includes.
///
/// Domain Connect applies a template to a `domain` (the zone) and an optional `host` below it.
/// mailzone applies it to the sender: `domain` is the sender's zone origin (the sender itself
/// when no zone is declared), `host` the sender relative to it (empty at the apex), `fqdn` the
/// sender. A record's `host` is relative to the sender, as a preset's names are.
///
/// The template's `ttl` is checked but not used: the spec lets the DNS provider pick the TTL
/// ("best effort"), and mailzone's TTL rules (the RRset's, the declared `ttl:`, the zone's
/// default) keep an RRset's TTL whole. `essential` only matters to providers that keep template
/// state in DNS, which mailzone does not.
enum DomainConnectPreset {
    /// Where the template is applied: the zone, the host below it, the sender.
    struct Application {
        var domain: String
        var host: String
        var sender: DeclaredName

        init(sender: DeclaredName, origin: DeclaredName?) {
            self.sender = sender
            let relative = origin.flatMap { sender.relative(to: $0) }
            domain = relative == nil ? sender.text : (origin?.text ?? sender.text)
            host = relative.map { $0 == "@" ? "" : $0 } ?? ""
        }

        var fqdn: String { sender.text }
    }

    /// The preset for `service` applied to `application`; nil with the problems reported.
    static func make(
        _ service: DomainConnectService, application: Application, diagnostics: inout Diagnostics
    ) -> PresetDefinition? {
        let template = service.template
        let before = diagnostics.errors.count
        if template.hostRequired && application.host.isEmpty {
            diagnostics.error(
                at: service.location,
                "the Domain Connect template \(template.name) must be applied to a host below the zone "
                    + "(\"hostRequired\": true), but \(application.fqdn) is the zone's apex",
                hint: "use the template for a subdomain sender, like mail.\(application.fqdn)")
            return nil
        }
        var values = ["host": application.host, "domain": application.domain, "fqdn": application.fqdn]
        for param in service.params { values[param.name.value] = param.value.value }
        let builder = Builder(service: service, application: application, values: values)

        var records: [PresetRecord] = []
        var locations: [YAMLLocation] = []
        var templates: [PresetDefinition.RecordTemplates] = []
        var conflicts: [TXTConflictMatching] = []
        var spf: [PresetDefinition.SPFRequest] = []
        for record in service.selectedRecords {
            switch builder.build(record, diagnostics: &diagnostics) {
            case .record(let built, let conflict):
                records.append(built)
                locations.append(record.location)
                templates.append(
                    PresetDefinition.RecordTemplates(
                        name: Template(literal: built.name), value: Template(literal: built.value)))
                conflicts.append(conflict)
            case .spf(let requests):
                for request in requests
                where !spf.contains(where: {
                    $0.spf.name == request.spf.name && $0.spf.include.lowercased() == request.spf.include.lowercased()
                }) {
                    spf.append(request)
                }
            case nil:
                break
            }
        }
        guard diagnostics.errors.count == before else { return nil }
        let preset = ServicePreset(
            name: template.name, title: "\(template.serviceName) (\(template.providerName))",
            documentation: service.displayPath, spf: spf.first?.spf, records: records,
            notes: ["Domain Connect template \(service.displayPath)"])
        var definition = PresetDefinition(
            preset: preset, origin: .domainConnect(file: service.displayPath), location: service.location,
            recordLocations: locations, recordTemplates: templates, spfTemplates: spf.first?.templates)
        definition.additionalSPF = Array(spf.dropFirst())
        definition.txtConflicts = conflicts
        return definition
    }

    enum Built {
        case record(PresetRecord, TXTConflictMatching)
        case spf([PresetDefinition.SPFRequest])
    }

    /// Substitutes and checks one record at a time.
    private struct Builder {
        let service: DomainConnectService
        let application: Application
        let values: [String: String]

        /// Where a problem with `field`'s value is reported: the first `params:` value it uses (the
        /// user's to fix), else the field in the template.
        func location(of field: DomainConnectRecord.Field) -> YAMLLocation {
            for variable in field.text.variables {
                if let param = service.params.first(where: { $0.name.value == variable }) {
                    return param.value.location
                }
            }
            return field.location
        }

        /// `field` substituted, with what it was written as when that differs, for messages.
        func shown(_ field: DomainConnectRecord.Field) -> String {
            let value = field.text.substituted(values)
            return value == field.text.text ? "'\(value)'" : "'\(value)' (from '\(field.text.text)')"
        }

        func build(_ record: DomainConnectRecord, diagnostics: inout Diagnostics) -> Built? {
            let type = record.kind.rawValue
            if let ttl = record.ttl {
                let text = ttl.text.substituted(values)
                if UInt32(text).map({ $0 > 2_147_483_647 }) ?? true {
                    diagnostics.error(
                        at: location(of: ttl), "the \(type) record's ttl \(shown(ttl)) is not a TTL",
                        hint: "a TTL is a whole number of seconds from 0 to 2147483647 (RFC 2181 §8)")
                    return nil
                }
            }
            guard var name = owner(record.host, type: type, diagnostics: &diagnostics) else { return nil }
            switch record.kind {
            case .spfm:
                return spfRequests(record, name: name, diagnostics: &diagnostics).map(Built.spf)
            case .srv:
                guard let service = record.service, let transport = record.transport,
                    let prefix = srvPrefix(service: service, transport: transport, diagnostics: &diagnostics)
                else { return nil }
                name = name == "@" ? prefix : prefix + "." + name
                guard checkName(name, at: record.host, diagnostics: &diagnostics) else { return nil }
            case .ns where name == "@":
                diagnostics.error(
                    at: record.host.location,
                    "mailzone does not change the NS records of \(application.fqdn), the name the template is applied to",
                    hint: "delegating the sender's own name would hide its other records; set this up by hand")
                return nil
            default:
                break
            }
            guard let value = value(of: record, diagnostics: &diagnostics) else { return nil }
            let purpose = Self.purpose(record.kind, name: name, value: value)
            var conflict = record.txtConflict
            if purpose == .dkim || purpose == .dmarc {
                // DKIM keys (one per selector) and DMARC records (merged, never weakened) have
                // mailzone's own rules, stricter than the template's conflict mode.
                conflict = .none
            }
            let preset = PresetRecord(
                name: name, type: record.kind.rawValue, value: value, purpose: purpose,
                note: conflict == .none ? nil : Self.note(conflict))
            return .record(preset, conflict)
        }

        static func note(_ conflict: TXTConflictMatching) -> String? {
            switch conflict {
            case .none: nil
            case .all: "txtConflictMatchingMode All: no other TXT record may stay at this name"
            case .prefix(let prefix):
                "txtConflictMatchingMode Prefix '\(prefix)': replaces the service's older record with this prefix"
            }
        }

        /// What the planner does with the record: DKIM at a `_domainkey` name, DMARC at `_dmarc`, the
        /// rest created when missing.
        static func purpose(_ kind: DomainConnectRecord.Kind, name: String, value: String) -> RecordPurpose {
            let labels = name.lowercased().split(separator: ".")
            switch kind {
            case .mx: return .mx
            case .cname where labels.contains("_domainkey"): return .dkim
            case .txt where labels.contains("_domainkey") && DKIMComparisonHelper.looksLikeDKIM(value): return .dkim
            case .txt where labels.first == "_dmarc" && value.hasPrefix("v=DMARC1"): return .dmarc
            default: return .other
            }
        }

        /// The record's name relative to the sender (`@`, `_dmarc`, `s1._domainkey`), from a host that
        /// is relative to it, `@`/empty, or absolute under it.
        func owner(_ field: DomainConnectRecord.Field, type: String, diagnostics: inout Diagnostics) -> String? {
            var host = field.text.substituted(values)
            if host.isEmpty || host == "@" { return "@" }
            if host.hasSuffix(".") {
                host.removeLast()
                let lowered = host.lowercased()
                let fqdn = application.fqdn.lowercased()
                if lowered == fqdn { return "@" }
                guard lowered.hasSuffix("." + fqdn) else {
                    diagnostics.error(
                        at: location(of: field),
                        "the \(type) record's host \(shown(field)) is not at or below \(application.fqdn), "
                            + "where the template is applied",
                        hint: "an absolute host (ending with '.') must name \(application.fqdn) or a name below it")
                    return nil
                }
                host = String(host.dropLast(fqdn.count + 1))
            }
            guard checkName(host, at: field, diagnostics: &diagnostics) else { return nil }
            return host
        }

        func checkName(_ name: String, at field: DomainConnectRecord.Field, diagnostics: inout Diagnostics) -> Bool {
            let full = name == "@" ? application.fqdn : name + "." + application.fqdn
            if let problem = DeclaredName.problem(in: full) {
                diagnostics.error(
                    at: location(of: field), "the record name \(shown(field)) is not a valid DNS name: \(problem)")
                return false
            }
            return true
        }

        /// `_service._protocol`, each one label starting with `_` (RFC 2782).
        func srvPrefix(
            service: DomainConnectRecord.Field, transport: DomainConnectRecord.Field,
            diagnostics: inout Diagnostics
        ) -> String? {
            var labels: [String] = []
            for (field, key, example) in [(service, "service", "_sip"), (transport, "protocol", "_tcp")] {
                let label = field.text.substituted(values)
                guard label.hasPrefix("_"), label.count > 1, !label.contains("."),
                    DeclaredName.problem(in: label) == nil
                else {
                    diagnostics.error(
                        at: location(of: field),
                        "the SRV record's \(key) \(shown(field)) is not one label starting with '_'",
                        hint: "write it as RFC 2782 does, like \"\(example)\"")
                    return nil
                }
                labels.append(label)
            }
            return labels.joined(separator: ".")
        }

        /// A domain name in a value: `@` or empty for the sender, otherwise fully qualified (the spec:
        /// "any domain in a pointsTo field must be considered fully qualified"), written with its dot.
        func target(_ field: DomainConnectRecord.Field, type: String, diagnostics: inout Diagnostics) -> String? {
            var target = field.text.substituted(values)
            if target.isEmpty || target == "@" { return application.fqdn + "." }
            if target.hasSuffix(".") { target.removeLast() }
            if let problem = DeclaredName.problem(in: target) {
                diagnostics.error(
                    at: location(of: field), "the \(type) target \(shown(field)) is not a valid DNS name: \(problem)")
                return nil
            }
            return target + "."
        }

        /// A 16-bit number field (priority, weight, port).
        func number(_ field: DomainConnectRecord.Field?, _ key: String, type: String, diagnostics: inout Diagnostics)
            -> UInt16?
        {
            guard let field else { return nil }
            guard let number = UInt16(field.text.substituted(values)) else {
                diagnostics.error(
                    at: location(of: field),
                    "the \(type) record's \(key) \(shown(field)) is not a number from 0 to 65535")
                return nil
            }
            return number
        }

        func value(of record: DomainConnectRecord, diagnostics: inout Diagnostics) -> String? {
            let type = record.kind.rawValue
            let field = record.value
            let value: String
            switch record.kind {
            case .a, .aaaa:
                value = field.text.substituted(values)
            case .cname, .ns:
                guard let target = target(field, type: type, diagnostics: &diagnostics) else { return nil }
                value = target
            case .mx:
                guard let priority = number(record.priority, "priority", type: type, diagnostics: &diagnostics),
                    let target = target(field, type: type, diagnostics: &diagnostics)
                else { return nil }
                value = "\(priority) \(target)"
            case .srv:
                guard let priority = number(record.priority, "priority", type: type, diagnostics: &diagnostics),
                    let weight = number(record.weight, "weight", type: type, diagnostics: &diagnostics),
                    let port = number(record.port, "port", type: type, diagnostics: &diagnostics),
                    let target = target(field, type: type, diagnostics: &diagnostics)
                else { return nil }
                value = "\(priority) \(weight) \(port) \(target)"
            case .txt:
                let data = field.text.substituted(values)
                value = data == "@" ? application.fqdn : data
                if value.lowercased().hasPrefix("v=spf1") {
                    diagnostics.error(
                        at: location(of: field),
                        "the TXT record \(shown(field)) is an SPF policy; mailzone merges SPF only from SPFM records",
                        hint: "a second SPF record would break SPF (RFC 7208 §3.2); ask the service for its SPFM "
                            + "form, or write it as { \"type\": \"SPFM\", \"host\": \"@\", \"spfRules\": \"include:…\" }"
                    )
                    return nil
                }
                return value
            case .spfm:
                return nil
            }
            guard let rrType = RRType(mnemonic: type) else { return nil }
            do {
                _ = try RData(type: rrType, presentation: value)
            } catch {
                diagnostics.error(
                    at: location(of: field), "the \(type) record's value '\(value)' is not valid \(type) data: \(error)"
                )
                return nil
            }
            return value
        }

        /// SPFM `spfRules` as SPF includes at `name`. mailzone merges `include:` terms (the SPF merge
        /// rules of MAILAUTH.md); any other rule is refused rather than dropped.
        func spfRequests(_ record: DomainConnectRecord, name: String, diagnostics: inout Diagnostics)
            -> [PresetDefinition.SPFRequest]?
        {
            let field = record.value
            let rules = field.text.substituted(values).split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard !rules.isEmpty else {
                diagnostics.error(
                    at: location(of: field), "the SPFM record has no rules",
                    hint: "spfRules lists the SPF terms to merge, like \"include:spf.example.net\"")
                return nil
            }
            var requests: [PresetDefinition.SPFRequest] = []
            for rule in rules {
                var term = rule
                if term.hasPrefix("+") { term = term.dropFirst() }
                guard term.lowercased().hasPrefix("include:") else {
                    diagnostics.error(
                        at: location(of: field),
                        "mailzone merges only include: terms from SPFM, and \(shown(field)) has '\(rule)'",
                        hint: "add '\(rule)' to the SPF record by hand, or ask the service for an include: domain "
                            + "that covers it")
                    return nil
                }
                let domain = String(term.dropFirst("include:".count))
                if let problem = DeclaredName.problem(in: domain) {
                    diagnostics.error(
                        at: location(of: field), "the SPFM include '\(domain)' is not a valid domain name: \(problem)")
                    return nil
                }
                let spf = PresetSPF(include: domain, name: name)
                requests.append(
                    PresetDefinition.SPFRequest(
                        spf: spf,
                        templates: PresetDefinition.RecordTemplates(
                            name: Template(literal: name), value: Template(literal: domain))))
            }
            return requests
        }
    }
}
