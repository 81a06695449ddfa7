import Foundation
import ZoneFile

/// Decodes the nodes of mailzone.yaml into the declaration's parts, one mapping at a time.
///
/// Only shapes and single values are checked here (types, keys, names, enums);
/// what needs several parts at once (a sender's zone, its presets and inputs) is
/// checked by `DeclarationValidator`.
struct DeclarationDecoder {
    static let rootKeys = ["version", "zones", "senders", "presets", "deletions"]
    static let zoneKeys = ["origin", "file"]
    static let senderKeys = [
        "domain", "services", "dmarc", "mx", "mx_not_added", "spf", "allow_weaker_dmarc", "ttl", "state",
    ]
    static let serviceKeys = ["preset", "dkim", "inputs", "ttl", "state"]
    static let deletionKeys = ["allow", "max_records", "max_percent"]
    static let dmarcKeys = ["p", "sp", "pct", "rua", "ruf", "adkim", "aspf", "fo", "ri", "allow_weaker"]
    static let spfKeys = ["all", "fold"]

    /// What the decoder produced; parts that failed to decode are left out.
    struct Draft {
        var version: Located<Int>
        var zones: [ZoneDeclaration] = []
        var senders: [SenderDeclaration] = []
        var presets: [PresetDefinition] = []
        var deletions = DeletionPolicy()
        /// Names of user presets that failed to decode; services naming them are not checked further.
        var brokenPresetNames: Set<String> = []
    }

    /// The YAML file's directory, against which zone file and template paths are resolved.
    let baseDirectory: URL
    /// The Domain Connect templates read so far, each read once.
    let domainConnect = DomainConnectLibrary()

    /// Decodes the root; throws only when the version is missing or newer (nothing else can be trusted then).
    /// From `threshold` senders on, they are decoded in two halves side by side (`decodeSenders`).
    func decode(
        _ root: YAMLNode, diagnostics: inout Diagnostics, sideBySideFrom threshold: Int = sideBySideSenders
    ) throws(DeclarationErrors) -> Draft {
        guard
            let map = MappingReader(
                root, what: "declaration", expected: "a mapping with 'version', 'zones' and 'senders'",
                keys: Self.rootKeys, diagnostics: &diagnostics)
        else {
            throw DeclarationErrors(diagnostics.errors)
        }
        let version = try decodeVersion(map, diagnostics: &diagnostics)
        var draft = Draft(version: version)

        for item in map["presets"]?.list("a list of presets", diagnostics: &diagnostics) ?? [] {
            if let preset = PresetDecoder.decode(item, origin: .user, diagnostics: &diagnostics) {
                draft.presets.append(preset)
            } else if case .mapping(let pairs) = item.content,
                let name = pairs.first(where: { $0.key.scalar?.text == "name" })?.value.scalar?.text
            {
                draft.brokenPresetNames.insert(name)
            }
        }
        if let deletions = map["deletions"] { draft.deletions = decodeDeletions(deletions, diagnostics: &diagnostics) }
        let zoneItems = map["zones"]?.list("a list of zones", diagnostics: &diagnostics) ?? []
        draft.zones.reserveCapacity(zoneItems.count)
        for item in zoneItems {
            if let zone = decodeZone(item, diagnostics: &diagnostics) { draft.zones.append(zone) }
        }
        if let items = map.requiredList(
            "senders", "a list of senders", diagnostics: &diagnostics,
            hint: "list the domains that send mail, each with its services", empty: "the declaration lists no senders",
            emptyHint: "add a sender: '- domain: example.com' with its 'services:'")
        {
            // Exact capacity: a hosting provider's declaration has thousands of senders.
            draft.senders.reserveCapacity(items.count)
            decodeSenders(items, into: &draft.senders, diagnostics: &diagnostics, sideBySideFrom: threshold)
        }
        return draft
    }

    // MARK: - Deletions

    /// `deletions: { allow: BOOL, max_records: N, max_percent: P }` (see `DeletionGuard`).
    private func decodeDeletions(_ node: YAMLNode, diagnostics: inout Diagnostics) -> DeletionPolicy {
        guard let map = MappingReader(node, what: "deletions", keys: Self.deletionKeys, diagnostics: &diagnostics)
        else { return DeletionPolicy() }
        var policy = DeletionPolicy()
        policy.allow = map["allow"]?.boolean(for: "allow", diagnostics: &diagnostics)?.value
        if let max = map["max_records"]?.integer("a number of records", diagnostics: &diagnostics) {
            if max.value < 0 {
                diagnostics.error(at: max.location, "max_records cannot be negative", hint: "write 0 or more")
            } else {
                policy.maxRecords = max.value
            }
        }
        if let percent = map["max_percent"]?.integer("a percentage from 0 to 100", diagnostics: &diagnostics) {
            if !(0...100).contains(percent.value) {
                diagnostics.error(
                    at: percent.location, "max_percent must be from 0 to 100, not \(percent.value)",
                    hint: "write a percentage of the records mailzone manages in a zone, like 30")
            } else {
                policy.maxPercent = percent.value
            }
        }
        return policy
    }

    // MARK: - Version

    private func decodeVersion(_ map: MappingReader, diagnostics: inout Diagnostics) throws(DeclarationErrors)
        -> Located<Int>
    {
        let supported = Declaration.supportedVersion
        guard let node = map["version"] else {
            diagnostics.error(
                at: map.node.location, "the declaration is missing the required key 'version'",
                hint: "add 'version: \(supported)' as the first line")
            return Located(supported, at: map.node.location)
        }
        guard let version = node.integer("the version number \(supported)", diagnostics: &diagnostics) else {
            return Located(supported, at: node.location)
        }
        if version.value > supported {
            // A newer format may mean anything; its other "errors" would only mislead.
            let file = node.location.file
            throw DeclarationErrors([
                DeclarationError(
                    at: version.location,
                    "\(file) declares version \(version.value), but this mailzone understands version \(supported)",
                    hint: "upgrade mailzone")
            ])
        }
        if version.value < supported {
            diagnostics.error(
                at: version.location, "version \(version.value) does not exist; the first version is 1",
                hint: "write 'version: \(supported)'")
        }
        return version
    }

    // MARK: - Zones

    private func decodeZone(_ node: YAMLNode, diagnostics: inout Diagnostics) -> ZoneDeclaration? {
        guard let map = MappingReader(node, what: "zone", keys: Self.zoneKeys, diagnostics: &diagnostics) else {
            return nil
        }
        let origin = map.required(
            "origin", diagnostics: &diagnostics, hint: "add the zone's origin, like 'origin: example.com.'"
        )
        .flatMap {
            domainName(
                $0, what: "the zone origin", expected: "a zone origin, like 'example.com.'", diagnostics: &diagnostics)
        }
        var file = map.required(
            "file", diagnostics: &diagnostics,
            hint: "add the zone file's path, relative to this YAML file")?
            .string("the zone file's path", diagnostics: &diagnostics)
        if let path = file {
            if path.value.isEmpty {
                diagnostics.error(at: path.location, "the zone file's path is empty")
                file = nil
            } else if !path.checkSingleLine(what: "the zone file's path", diagnostics: &diagnostics) {
                file = nil
            }
        }
        guard let origin, let file else { return nil }
        return ZoneDeclaration(location: node.location, origin: origin, file: file, directory: baseDirectory)
    }

    // MARK: - Senders

    func decodeSender(_ node: YAMLNode, diagnostics: inout Diagnostics) -> SenderDeclaration? {
        guard let map = MappingReader(node, what: "sender", keys: Self.senderKeys, diagnostics: &diagnostics) else {
            return nil
        }
        let domain = map.required(
            "domain", diagnostics: &diagnostics, hint: "add the sender domain, like 'domain: example.com'"
        )
        .flatMap { domainName($0, what: "the sender domain", allowUnderscore: false, diagnostics: &diagnostics) }

        var services: [ServiceUse] = []
        if let items = map.requiredList(
            "services", "a list of services", diagnostics: &diagnostics,
            hint: "list the services that send for this domain, like '- preset: tencent-ses'",
            empty: "the sender lists no services", emptyHint: "add a service, like '- preset: tencent-ses'")
        {
            for item in items {
                if let service = decodeService(item, diagnostics: &diagnostics) { services.append(service) }
            }
        }
        let dmarc = map["dmarc"].flatMap { decodeDMARC($0, diagnostics: &diagnostics) }
        let mx = map["mx"]?.oneOf(MXPolicy.self, what: "MX policy", diagnostics: &diagnostics)
        let spf = map["spf"].flatMap { decodeSPF($0, diagnostics: &diagnostics) } ?? SPFOptions()
        let weaker = map["allow_weaker_dmarc"]?.boolean(for: "allow_weaker_dmarc", diagnostics: &diagnostics)
        let notAdded =
            map["mx_not_added"].map {
                decodeMXNotAdded($0, mx: mx, services: services.map(\.preset.value), diagnostics: &diagnostics)
            } ?? []
        let ttl = map["ttl"].flatMap { decodeTTL($0, diagnostics: &diagnostics) }
        let state = map["state"]?.oneOf(PresenceState.self, what: "state", diagnostics: &diagnostics)
        guard let domain else { return nil }
        var sender = SenderDeclaration(
            location: node.location, domain: domain, services: services, dmarc: dmarc, mx: mx,
            mxNotAdded: notAdded, spf: spf, allowWeakerDMARC: weaker, ttl: ttl)
        sender.state = state
        return sender
    }

    /// `mx_not_added: [SERVICE, ...]`: the services whose MX `mx: keep-existing` leaves out, said
    /// explicitly so the plan need not warn about them. Each must be one of the sender's services.
    private func decodeMXNotAdded(
        _ node: YAMLNode, mx: Located<MXPolicy>?, services: [String],
        diagnostics: inout Diagnostics
    ) -> [Located<String>] {
        guard let items = node.list("a list of the sender's services, like [tencent-ses]", diagnostics: &diagnostics)
        else { return [] }
        if mx?.value != .keepExisting {
            diagnostics.error(
                at: node.location, "'mx_not_added' applies only with 'mx: keep-existing', which leaves service MX out",
                hint: "add 'mx: keep-existing' to this sender, or remove 'mx_not_added'")
        }
        var names: [Located<String>] = []
        for item in items {
            guard let name = item.string("a service name", diagnostics: &diagnostics) else { continue }
            if !services.contains(name.value) {
                let suggestion = Suggestion.didYouMean(name.value, in: services)
                diagnostics.error(
                    at: name.location, "'\(name.value)' in 'mx_not_added' is not a service of this sender\(suggestion)",
                    hint: suggestion.isEmpty ? "list services the sender has: \(services.joined(separator: ", "))" : nil
                )
            }
            names.append(name)
        }
        return names
    }

    /// A service: `- preset: NAME` with `dkim:` and `inputs:`, or just `- NAME` when it needs no inputs.
    private func decodeService(_ node: YAMLNode, diagnostics: inout Diagnostics) -> ServiceUse? {
        if let scalar = node.scalar, scalar.kind == .string {
            return ServiceUse(location: node.location, preset: Located(scalar.text, at: node.location))
        }
        guard
            let map = MappingReader(
                node, what: "service", expected: "a service ('- preset: NAME')",
                keys: Self.serviceKeys, diagnostics: &diagnostics)
        else {
            return nil
        }
        let presetNode = map.required(
            "preset", diagnostics: &diagnostics, hint: "name the service's preset, like 'preset: tencent-ses'")
        var preset: Located<String>?
        var template: DomainConnectService?
        if let presetNode, case .mapping = presetNode.content {
            // `preset: { domain-connect: FILE, params: { … } }`: the service's own published template.
            template = DomainConnectService.decode(
                presetNode, baseDirectory: baseDirectory, library: domainConnect, diagnostics: &diagnostics)
            preset = template.map { Located($0.template.name, at: presetNode.location) }
            for key in ["dkim", "inputs"] {
                if let node = map[key] {
                    diagnostics.error(
                        at: node.location,
                        "a Domain Connect service takes the template's variables under 'params:', not '\(key):'",
                        hint: "move the values into 'preset: { domain-connect: …, params: { VARIABLE: VALUE } }'")
                }
            }
        } else {
            preset = presetNode?.string("a preset name", diagnostics: &diagnostics)
        }
        var inputs: [ServiceInput] = []
        var rejected: Set<String> = []
        if let dkim = map["dkim"] {
            inputs = decodeInputs(
                dkim, what: "DKIM keys", prefix: "dkim.", rejected: &rejected, diagnostics: &diagnostics)
        }
        if let others = map["inputs"] {
            let more = decodeInputs(others, what: "inputs", prefix: "", rejected: &rejected, diagnostics: &diagnostics)
            // Taken as it is when it is the only list (most services give `dkim:` or `inputs:`, not both).
            if inputs.isEmpty { inputs = more } else { inputs += more }
        }
        if Self.mayRepeatNames(inputs) {
            var seen: [String: ServiceInput] = [:]
            inputs = inputs.filter { input in
                if let first = seen[input.name.value] {
                    diagnostics.error(
                        at: input.name.location, "the input '\(input.name.value)' is given twice",
                        hint: "it is already given at line \(first.name.location.line); keep one")
                    return false
                }
                seen[input.name.value] = input
                return true
            }
        }
        let ttl = map["ttl"].flatMap { decodeTTL($0, diagnostics: &diagnostics) }
        let state = map["state"]?.oneOf(PresenceState.self, what: "state", diagnostics: &diagnostics)
        guard let preset else { return nil }
        var service = ServiceUse(location: node.location, preset: preset, inputs: inputs, ttl: ttl)
        service.rejectedInputs = rejected
        service.state = state
        service.domainConnect = template
        return service
    }

    /// False when no two of `inputs` have the same name, so no table of them need be built to find the
    /// repeats (a declaration has thousands of services, each giving a few inputs, compared each with each
    /// here). True for more than 16 inputs: the table finds whether they repeat.
    private static func mayRepeatNames(_ inputs: [ServiceInput]) -> Bool {
        guard inputs.count <= 16 else { return true }
        for index in inputs.indices.dropFirst() {
            let name = inputs[index].name.value
            if inputs[..<index].contains(where: { $0.name.value == name }) { return true }
        }
        return false
    }

    /// `dkim: { SELECTOR: VALUE }` (names `dkim.SELECTOR`) or `inputs: { NAME: VALUE }`.
    private func decodeInputs(
        _ node: YAMLNode, what: String, prefix: String, rejected: inout Set<String>,
        diagnostics: inout Diagnostics
    ) -> [ServiceInput] {
        guard node.isMapping else {
            diagnostics.error(
                at: node.location, "expected a mapping of \(what), found \(node.kindDescription)",
                hint: prefix.isEmpty ? "write 'inputs: { NAME: VALUE }'" : "write 'dkim: { SELECTOR: KEY RECORD }'")
            return []
        }
        var inputs: [ServiceInput] = []
        // The pairs read in place, without the list of them `content` makes.
        node.forEachPair { keyNode, valueNode in
            guard
                let key = keyNode.text(prefix.isEmpty ? "an input name" : "a DKIM selector", diagnostics: &diagnostics)
            else { return }
            let name = prefix + key.value
            guard Template.isValidName(name) else {
                diagnostics.error(
                    at: key.location, "'\(key.value)' is not a valid \(prefix.isEmpty ? "input name" : "DKIM selector")"
                )
                return
            }
            // Worded only for an error: a declaration of thousands of senders has thousands of keys.
            func description() -> String {
                prefix.isEmpty ? "the input '\(name)'" : "the DKIM key for selector '\(key.value)'"
            }
            guard
                var value = valueNode.text(
                    prefix.isEmpty ? "a value for \(description())" : "\(description()) (a TXT value or a target name)",
                    diagnostics: &diagnostics)
            else {
                rejected.insert(name)
                return
            }
            if !prefix.isEmpty {
                // A key pasted in zone-file form (quoted, split, parenthesised, wrapped) is read as the one value it is.
                switch DKIMPastedValue.normalize(value.value, what: description()) {
                case .success(let normalized): value.value = normalized
                case .failure(let problem):
                    diagnostics.error(at: value.location, problem.message, hint: problem.hint)
                    rejected.insert(name)
                    return
                }
            }
            guard value.checkSingleLine(what: description(), diagnostics: &diagnostics) else {
                rejected.insert(name)
                return
            }
            inputs.append(ServiceInput(name: Located(name, at: key.location), value: value))
        }
        return inputs
    }

    private func decodeDMARC(_ node: YAMLNode, diagnostics: inout Diagnostics) -> DMARCOverrides? {
        guard
            let map = MappingReader(
                node, what: "dmarc", expected: "a mapping of DMARC tags, like '{ p: quarantine }'",
                keys: Self.dmarcKeys, diagnostics: &diagnostics)
        else { return nil }
        let errorsBefore = diagnostics.errors.count
        var dmarc = DMARCOverrides(location: node.location)
        dmarc.p = map["p"]?.oneOf(DMARCOverrides.Policy.self, what: "DMARC policy", diagnostics: &diagnostics)
        dmarc.sp = map["sp"]?.oneOf(
            DMARCOverrides.Policy.self, what: "DMARC subdomain policy", diagnostics: &diagnostics)
        dmarc.adkim = map["adkim"]?.oneOf(
            DMARCOverrides.Alignment.self, what: "DKIM alignment", diagnostics: &diagnostics)
        dmarc.aspf = map["aspf"]?.oneOf(DMARCOverrides.Alignment.self, what: "SPF alignment", diagnostics: &diagnostics)
        if let pct = map["pct"]?.integer("a percentage (0 to 100)", diagnostics: &diagnostics) {
            if (0...100).contains(pct.value) {
                dmarc.pct = pct
            } else {
                diagnostics.error(at: pct.location, "pct must be between 0 and 100, found \(pct.value)")
            }
        }
        if let ri = map["ri"]?.integer("a report interval in seconds", diagnostics: &diagnostics) {
            if ri.value < 0 {
                diagnostics.error(at: ri.location, "ri must not be negative")
            } else if ri.value > Int(UInt32.max) {
                diagnostics.error(
                    at: ri.location,
                    "ri must be at most \(UInt32.max) seconds (a 32-bit number, RFC 7489 §6.3), found \(ri.value)")
            } else {
                dmarc.ri = ri
            }
        }
        if let fo = map["fo"]?.text("failure reporting options, like '1' or 'd:s'", diagnostics: &diagnostics) {
            let options = fo.value.split(separator: ":", omittingEmptySubsequences: false)
            if !options.isEmpty && options.allSatisfy({ ["0", "1", "d", "s"].contains($0) }) {
                dmarc.fo = fo
            } else {
                diagnostics.error(
                    at: fo.location, "'\(fo.value)' is not a valid fo value",
                    hint: "use 0, 1, d or s, several joined by ':' (like '1:d')")
            }
        }
        dmarc.rua = map["rua"].flatMap { reportAddresses($0, tag: "rua", diagnostics: &diagnostics) }
        dmarc.ruf = map["ruf"].flatMap { reportAddresses($0, tag: "ruf", diagnostics: &diagnostics) }
        dmarc.allowWeaker = map["allow_weaker"]?.boolean(for: "allow_weaker", diagnostics: &diagnostics)
        // Half a mapping would raise follow-on errors ("must set p" when p is misspelt).
        return diagnostics.errors.count == errorsBefore ? dmarc : nil
    }

    /// One address or a list; each a URI (`mailto:dmarc@example.com`) without `,` or `;` or `!`.
    private func reportAddresses(_ node: YAMLNode, tag: String, diagnostics: inout Diagnostics) -> [Located<String>]? {
        let items: [YAMLNode]
        if case .sequence(let list) = node.content {
            items = list
        } else {
            items = [node]
        }
        var addresses: [Located<String>] = []
        for item in items {
            guard
                let address = item.string(
                    "a report address, like 'mailto:dmarc@example.com'", diagnostics: &diagnostics),
                address.checkSingleLine(what: "the \(tag) address", diagnostics: &diagnostics)
            else { continue }
            if address.value.contains(where: { $0 == "," || $0 == ";" || $0 == " " }) {
                diagnostics.error(
                    at: address.location, "'\(address.value)' is not a single report address",
                    hint: "give several addresses as a list, one URI each")
            } else if !address.value.lowercased().hasPrefix("mailto:")
                && !address.value.lowercased().hasPrefix("https:")
            {
                diagnostics.error(
                    at: address.location, "'\(address.value)' is not a report URI",
                    hint: "write 'mailto:\(address.value)'")
            } else {
                addresses.append(address)
            }
        }
        return addresses
    }

    private func decodeSPF(_ node: YAMLNode, diagnostics: inout Diagnostics) -> SPFOptions? {
        guard
            let map = MappingReader(
                node, what: "spf", expected: "a mapping of SPF options, like '{ all: \"-all\" }'",
                keys: Self.spfKeys, diagnostics: &diagnostics)
        else { return nil }
        return SPFOptions(
            all: map["all"]?.oneOf(SPFAll.self, what: "SPF 'all' term", diagnostics: &diagnostics),
            fold: map["fold"]?.boolean(for: "fold", diagnostics: &diagnostics))
    }

    // MARK: - Values

    /// `ttl:`: seconds from 0 to 2147483647 (RFC 2181 §8), as a number or with BIND's units (`1h`, `1d`).
    private func decodeTTL(_ node: YAMLNode, diagnostics: inout Diagnostics) -> Located<UInt32>? {
        let expected = "a TTL in seconds (like 3600 or 1h)"
        guard let scalar = node.scalar, scalar.kind == .integer || scalar.kind == .string else {
            diagnostics.error(at: node.location, "expected \(expected), found \(node.kindDescription)")
            return nil
        }
        let text = scalar.text.replacingOccurrences(of: "_", with: "")
        guard let seconds = TTLText.seconds(text), seconds <= 2_147_483_647 else {
            diagnostics.error(
                at: node.location,
                "'\(scalar.text)' is not a valid TTL: it must be seconds from 0 to 2147483647 (RFC 2181 §8)",
                hint: "write seconds like 'ttl: 3600', or BIND's units like 'ttl: 1h' (w, d, h, m, s)")
            return nil
        }
        return Located(seconds, at: node.location)
    }

    /// A DNS name; `what` names it in errors ("the sender domain"), `expected` in type mismatches.
    private func domainName(
        _ node: YAMLNode, what: String, expected: String = "a domain name",
        allowUnderscore: Bool = true, diagnostics: inout Diagnostics
    ) -> Located<DeclaredName>? {
        guard let text = node.string(expected, diagnostics: &diagnostics) else { return nil }
        // The name is checked once, by parsing it; the problem is worked out only for an invalid one.
        guard let name = DeclaredName(text.value, allowUnderscore: allowUnderscore) else {
            let problem =
                DeclaredName.problem(in: text.value, allowUnderscore: allowUnderscore) ?? "it is not a valid name"
            diagnostics.error(at: text.location, "\(what) is not a valid domain name: \(problem)")
            return nil
        }
        return Located(name, at: text.location)
    }
}
