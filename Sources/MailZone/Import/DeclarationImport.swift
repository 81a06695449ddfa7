import Foundation
import ZoneFile

/// `mailzone init`: a declaration for zone files that already exist, with the email services
/// their records show, such that planning it changes nothing.
///
/// Services are recognised by reading the preset catalogue backwards (`ServiceRecognizer`);
/// then the planner has the last word: the starter text is loaded with the real loader and
/// planned against the zones, and a service whose records the plan would still add, merge,
/// replace or conflict with is taken out again and listed as a comment with what it lacks.
/// So what init writes is what is there, and `mailzone plan` on it is empty.
public enum DeclarationImport {
    /// What init writes and what it found.
    public struct Written: Sendable {
        /// The declaration's text.
        public var text: String
        /// The senders and services declared, as `domain (preset, preset)`.
        public var senders: [String]
        /// The lines of the closing comment: what was found but not declared.
        public var unattributed: [String]
    }

    /// A zone file to declare, as the user named it, and its origin when given (`--origin`).
    public struct ZoneInput: Sendable {
        public var path: String
        public var origin: String?

        public init(path: String, origin: String? = nil) {
            self.path = path
            self.origin = origin
        }
    }

    /// The declaration for `zones`, to be written at `declarationPath` (zone paths and `declarationPath`
    /// are as the user gave them, relative to the current directory); `schema` is the `$schema` path
    /// of its first line.
    public static func run(
        zones inputs: [ZoneInput], declarationPath: String, catalog: PresetCatalog, schema: String?
    ) async throws(ImportError) -> Written {
        let directory = FilePaths.resolved(FilePaths.directory(of: declarationPath))
        var zones: [(zone: StarterDeclaration.Zone, index: MailRecordIndex)] = []
        var problems: [String] = []
        for input in inputs {
            switch loadZone(input, declarationPath: declarationPath, declarationDirectory: directory) {
            case .success(let loaded):
                if let earlier = zones.first(where: { $0.zone.origin == loaded.zone.origin }) {
                    problems.append(
                        "error: \(input.path): the zone \(loaded.zone.origin) is given twice (also \(earlier.zone.file)); give each zone file once"
                    )
                } else {
                    zones.append(loaded)
                }
            case .failure(let problem): problems.append(problem.description)
            }
        }
        if !problems.isEmpty { throw ImportError(description: problems.joined(separator: "\n")) }

        // Each candidate sender in the zone most specific for it, as the planner assigns senders.
        let origins = zones.map(\.zone.origin)
        var senders: [StarterDeclaration.Sender] = []
        var recognised: [[RecognisedService]] = []
        var notes: [String] = []
        var consumed: [String: (index: MailRecordIndex, records: Set<Int>, includes: Set<String>)] = [:]
        var candidates: [(domain: String, index: MailRecordIndex)] = []
        for (zone, index) in zones {
            for domain in index.candidateDomains {
                let home = origins.filter { domain == $0 || domain.hasSuffix("." + $0) }.max { $0.count < $1.count }
                guard home == zone.origin else { continue }
                candidates.append((domain, index))
                let recognizer = ServiceRecognizer(catalog: catalog, index: index)
                let found = recognizer.services(at: domain)
                var complete: [RecognisedService] = []
                let whole = found.filter(\.isComplete)
                let wholeRecords = whole.reduce(into: Set<Int>()) { $0.formUnion($1.records) }
                let wholeIncludes = Set(whole.compactMap(\.include))
                for service in found {
                    if !service.isComplete {
                        // A service in part whose records a whole one explains is that one's look-alike.
                        let explained =
                            service.records.isSubset(of: wholeRecords)
                            && (service.include.map { wholeIncludes.contains($0) } ?? true)
                        if !explained { notes.append(partial(service, at: domain)) }
                    } else if let problem = service.inputs.first(where: { !isWritable($0.value) }) {
                        notes.append(
                            "\(service.preset) at \(domain): the \(problem.name) value in the zone has control characters; "
                                + "a declaration cannot hold it")
                    } else {
                        complete.append(service)
                    }
                }
                if !complete.isEmpty {
                    senders.append(sender(domain, complete, index: index))
                    recognised.append(complete)
                }
            }
        }

        // The planner decides: services whose records would still change are taken out.
        var starter = StarterDeclaration(
            schema: schema, zones: zones.map(\.zone), senders: senders, unattributed: [])
        for _ in 0..<8 {
            let rendered = starter.render()
            let offending = try await offendingServices(rendered, declarationPath: declarationPath, catalog: catalog)
            if offending.isEmpty { break }
            for (senderIndex, services) in offending.sorted(by: { $0.key > $1.key }) {
                for (serviceIndex, reason) in services.sorted(by: { $0.key > $1.key }) {
                    let preset = starter.senders[senderIndex].services[serviceIndex].preset
                    notes.append(
                        "\(preset) at \(starter.senders[senderIndex].domain).: set up in part; declaring it \(reason)")
                    starter.senders[senderIndex].services.remove(at: serviceIndex)
                    starter.senders[senderIndex].mxNotAdded.removeAll { $0 == preset }
                    recognised[senderIndex].remove(at: serviceIndex)
                }
                if starter.senders[senderIndex].services.isEmpty {
                    starter.senders.remove(at: senderIndex)
                    recognised.remove(at: senderIndex)
                }
            }
        }
        // What the declared services account for, by domain.
        for (sender, services) in zip(starter.senders, recognised) {
            let domain = sender.domain + "."
            guard let index = candidates.first(where: { $0.domain == domain })?.index else { continue }
            consumed[domain] = (
                index, services.reduce(into: Set<Int>()) { $0.formUnion($1.records) },
                Set(services.compactMap(\.include))
            )
        }
        for (domain, index) in candidates {
            notes += unattributed(at: domain, index: index, consumed: consumed[domain])
        }
        starter.unattributed = notes
        let text = starter.render().text
        // The final text must load and plan empty: if it did not, writing it would be a lie.
        let offending = try await offendingServices(
            starter.render(), declarationPath: declarationPath, catalog: catalog)
        guard offending.isEmpty || starter.senders.isEmpty else {
            throw ImportError(
                description:
                    "error: mailzone init could not find a declaration that plans no change; nothing was written")
        }
        return Written(
            text: text,
            senders: starter.senders.map { "\($0.domain) (\($0.services.map(\.preset).joined(separator: ", ")))" },
            unattributed: notes)
    }

    /// A sender for `domain` with `services`; `mx: keep-existing` for the services whose MX the name
    /// does not have while it has MX of its own.
    private static func sender(_ domain: String, _ services: [RecognisedService], index: MailRecordIndex)
        -> StarterDeclaration.Sender
    {
        let hasMX = index.records.contains { $0.owner == domain && $0.type == "MX" }
        return StarterDeclaration.Sender(
            domain: String(domain.dropLast()),
            services: services.map { StarterDeclaration.Service(preset: $0.preset, inputs: $0.inputs) },
            mxNotAdded: hasMX ? services.filter(\.mxMissing).map(\.preset) : [])
    }

    /// `tencent-ses at example.com.: found …; missing …`.
    private static func partial(_ service: RecognisedService, at domain: String) -> String {
        let missing =
            service.missing.isEmpty ? "an input its records do not show" : service.missing.joined(separator: ", ")
        return "\(service.preset) at \(domain): set up in part; the zone lacks \(missing)"
    }

    /// Values a declaration can hold: no control characters.
    private static func isWritable(_ value: String) -> Bool {
        !value.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F }
    }

    /// Loads `rendered` as a declaration at `declarationPath` and plans it: for each sender (by
    /// position), the services (by position) whose records the plan would change, with why.
    private static func offendingServices(
        _ rendered: (text: String, services: [StarterDeclaration.ServiceLines]), declarationPath: String,
        catalog: PresetCatalog
    ) async throws(ImportError) -> [Int: [Int: String]] {
        let declaration: Declaration
        do {
            declaration = try DeclarationLoader.load(
                data: Data(rendered.text.utf8), file: URL(fileURLWithPath: declarationPath),
                displayPath: declarationPath, builtInPresets: catalog)
        } catch {
            if rendered.services.isEmpty { return [:] }
            throw ImportError(
                description: "error: the declaration mailzone init made does not load (please report this):\n\(error)")
        }
        var result: [Int: [Int: String]] = [:]
        let plan = await Planner.plan(declaration, options: PlannerOptions()).plan
        for zone in plan.zones {
            for sender in zone.senders {
                for item in sender.items where SenderPlan.isChange(item) || item.action == .conflict {
                    guard let line = item.declarationLocation?.line,
                        let service = rendered.services.first(where: { $0.lines.contains(line) })
                    else {
                        // Not one service's: every service of the sender is in question; take the last.
                        guard
                            let last = rendered.services.last(where: {
                                declaration.senders[$0.sender].domain.value.dnsName == sender.domain
                            })
                        else { continue }
                        result[last.sender, default: [:]][last.service] = reason(item)
                        continue
                    }
                    if result[service.sender]?[service.service] == nil {
                        result[service.sender, default: [:]][service.service] = reason(item)
                    }
                }
            }
        }
        return result
    }

    /// `would add _dmarc TXT "v=DMARC1; p=none"`, `conflicts: …`.
    private static func reason(_ item: PlanItem) -> String {
        switch item.action {
        case .create: "would add \(item.owner) \(item.type) \(item.after ?? "")"
        case .merge, .replace: "would change \(item.owner) \(item.type) to \(item.after ?? "")"
        default: "conflicts: \(item.message ?? "")"
        }
    }

    /// What the records at `domain` hold that the declared services do not account for: SPF
    /// includes, DKIM selectors, MX hosts, each with where it is written.
    private static func unattributed(
        at domain: String, index: MailRecordIndex,
        consumed: (index: MailRecordIndex, records: Set<Int>, includes: Set<String>)?
    ) -> [String] {
        var lines: [String] = []
        let records = consumed?.records ?? []
        let includes = consumed?.includes ?? []
        for position in index.indices(under: domain) {
            let entry = index.records[position]
            let place = "\(entry.file):\(entry.line)"
            let relative = MailRecordIndex.relative(entry.owner, to: domain)
            if entry.owner == domain, entry.type == "TXT", MailRecordIndex.isSPF(entry.value) {
                for term in entry.value.split(separator: " ").map({ $0.lowercased() }) {
                    let bare = term.hasPrefix("+") ? String(term.dropFirst()) : term
                    guard bare.hasPrefix("include:"), !includes.contains(String(bare.dropFirst("include:".count)))
                    else { continue }
                    lines.append("\(place)  \(domain)  SPF \(term): no declared service has this include")
                }
            } else if entry.owner == domain, entry.type == "MX", !records.contains(position) {
                lines.append("\(place)  \(domain)  MX \(entry.value): no declared service has this MX host")
            } else if relative.hasSuffix("._domainkey"), !relative.dropLast("._domainkey".count).contains("."),
                !records.contains(position), entry.type == "TXT" || entry.type == "CNAME"
            {
                let selector = relative.dropLast("._domainkey".count)
                lines.append(
                    "\(place)  \(entry.owner)  DKIM selector \(selector) (\(entry.type)): no declared service has it")
            }
        }
        return lines
    }

    /// The zone file read, its origin and `file:` path relative to the declaration's directory.
    private static func loadZone(_ input: ZoneInput, declarationPath: String, declarationDirectory: String)
        -> Result<(zone: StarterDeclaration.Zone, index: MailRecordIndex), ImportError>
    {
        let resolved = FilePaths.resolved(input.path)
        guard FilePaths.isInside(resolved: resolved, resolvedRoot: declarationDirectory) else {
            return .failure(
                ImportError(
                    description:
                        "error: \(input.path) is outside the directory of the declaration (\(declarationDirectory)); "
                        + "run mailzone init where the zone files are, or name a --config in a directory above them"))
        }
        guard FileManager.default.isReadableFile(atPath: input.path) else {
            return .failure(ImportError(description: "error: \(input.path): cannot read the zone file"))
        }
        var options = LoadOptions()
        options.includes = .confined(to: declarationDirectory)
        if let origin = input.origin {
            do {
                options.origin = try DomainName(parsing: origin.hasSuffix(".") ? origin : origin + ".")
            } catch {
                return .failure(ImportError(description: "error: --origin \(origin) is not a domain name: \(error)"))
            }
        }
        let zone = ZoneLoader.load(path: input.path, options: options)
        if zone.hasErrors {
            let formatter = DiagnosticFormatter(color: false)
            return .failure(
                ImportError(
                    description: zone.errors.map { formatter.format($0) + "\n" }.joined()
                        + "error: \(input.path) has errors; fix them (`mailzone zone check \(input.path)`) and run init again"
                ))
        }
        guard let origin = zone.origin else {
            return .failure(
                ImportError(
                    description:
                        "error: \(input.path): cannot tell the zone's origin: it has no $ORIGIN and no absolute owner name; "
                        + "add `$ORIGIN example.com.` at its top, or give --origin"))
        }
        guard !zone.records(at: origin, type: .soa).isEmpty else {
            return .failure(
                ImportError(
                    description:
                        "error: \(input.path): no SOA record at \(origin), the origin its $ORIGIN or first owner gives; "
                        + "give the zone's origin with --origin"))
        }
        // The path as given (a symbolic link stays one), relative to the declaration's directory.
        let given = URL(fileURLWithPath: input.path).standardizedFileURL.path
        let base = URL(fileURLWithPath: FilePaths.directory(of: declarationPath)).standardizedFileURL.path
        let file =
            given.hasPrefix(base.hasSuffix("/") ? base : base + "/")
            ? relativePath(given, from: base) : relativePath(resolved, from: declarationDirectory)
        return .success(
            (
                StarterDeclaration.Zone(origin: origin.description.lowercased(), file: file),
                MailRecordIndex(zone, origin: origin)
            ))
    }

    /// `path` (resolved) relative to `directory` (resolved), which contains it.
    static func relativePath(_ path: String, from directory: String) -> String {
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}

/// Why init wrote nothing: every problem, one `error:` block each.
public struct ImportError: Error, Sendable, CustomStringConvertible {
    public var description: String
}
