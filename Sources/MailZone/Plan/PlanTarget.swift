/// The part of a repository a run plans: `--sender DOMAIN` and `--zone ORIGIN`, like terraform's
/// `-target`.
///
/// A repository of hundreds of zones is reviewed one change at a time; planning all of it for
/// every change buries the one sender a pull request touches. A target is the union of what it
/// names: a zone named by `--zone` is planned whole (every sender in it), a sender named by
/// `--sender` alone in its zone; zones neither names are not read. The rest of the declaration
/// stays declared, so nothing outside the target is ever taken for removed: a narrowed plan only
/// leaves things out. The target is part of the plan (`target` in JSON), so `apply --plan`
/// plans again the same part, and every format says the plan is narrowed.
public struct PlanTarget: Codable, Sendable, Hashable {
    /// The senders named, absolute and lower-cased, in the order given (each once).
    public var senders: [String]
    /// The zone origins named, absolute and lower-cased, in the order given (each once).
    public var zones: [String]

    public init(senders: [String], zones: [String]) {
        self.senders = senders
        self.zones = zones
    }

    /// The target of `--sender` and `--zone` values as the user wrote them (case and the trailing dot
    /// do not matter); every name that is not a sender or a zone of `declaration` is an error, with
    /// the nearest declared name when one is close.
    public static func resolve(senders: [String], zones: [String], in declaration: Declaration)
        throws(PlanTargetErrors) -> PlanTarget
    {
        var errors: [PlanTargetError] = []
        let declaredSenders = declaration.senders.map(\.domain.value)
        let declaredZones = declaration.zones.map(\.origin.value)
        func resolve(_ texts: [String], option: String, declared: [DeclaredName], what: String, verb: String)
            -> [String]
        {
            var found: Set<DeclaredName> = []
            for text in texts {
                if let problem = DeclaredName.problem(in: text, allowUnderscore: true) {
                    errors.append(PlanTargetError(message: "\(option) \(text): not a domain name: \(problem)"))
                    continue
                }
                guard let name = DeclaredName(text) else { continue }
                if declared.contains(name) {
                    found.insert(name)
                    continue
                }
                let candidates = declared.map(\.text)
                let listed =
                    candidates.count <= 10
                    ? candidates.joined(separator: ", ")
                    : candidates.prefix(10).joined(separator: ", ") + ", … (\(candidates.count) in all)"
                errors.append(
                    PlanTargetError(
                        message: "\(option) \(text): \(declaration.displayPath) \(verb) \(what) \(name.absolute)"
                            + Suggestion.didYouMean(name.text, in: candidates),
                        fix: "give a \(what == "no sender" ? "sender domain" : "zone origin") of "
                            + "\(declaration.displayPath): \(listed)"))
            }
            // In the declaration's order, so the same names give the same plan whatever order they came in.
            return declared.filter { found.contains($0) }.map(\.absolute)
        }
        let target = PlanTarget(
            senders: resolve(senders, option: "--sender", declared: declaredSenders, what: "no sender", verb: "has"),
            zones: resolve(zones, option: "--zone", declared: declaredZones, what: "no zone", verb: "declares"))
        if !errors.isEmpty { throw PlanTargetErrors(errors: errors) }
        return target
    }

    /// Each zone's senders to plan, by position in `declaration.zones` (as `Declaration.sendersByZone`):
    /// every sender of a targeted zone, the targeted senders of the others, none for a zone out of the target.
    public func sendersByZone(_ declaration: Declaration) -> [[Int]] {
        let zoneSet = Set(zones)
        let senderSet = Set(senders)
        return zip(declaration.zones, declaration.sendersByZone).map { zone, indices in
            if zoneSet.contains(zone.origin.value.absolute) { return indices }
            return indices.filter { senderSet.contains(declaration.senders[$0].domain.value.absolute) }
        }
    }

    /// Whether the zone at `index` of `declaration.zones` is read at all: it is named, or holds a named sender.
    public func includes(zone index: Int, of declaration: Declaration, sendersByZone: [[Int]]) -> Bool {
        zones.contains(declaration.zones[index].origin.value.absolute) || !sendersByZone[index].isEmpty
    }

    /// Whether what `sender` has in the zone `origin` is in the target: the zone is named, or the
    /// sender is. (Records a sender no longer declared left in a zone are in the target only with
    /// their zone, since `--sender` names declared senders only.)
    public func includes(sender: DeclaredName, zone origin: DeclaredName) -> Bool {
        zones.contains(origin.absolute) || senders.contains(sender.absolute)
    }

    /// Whether the sender at `index` of `declaration.senders` is planned (for senders in no declared
    /// zone: only when named).
    public func includes(senderAt index: Int, of declaration: Declaration) -> Bool {
        let sender = declaration.senders[index]
        if senders.contains(sender.domain.value.absolute) { return true }
        guard let zone = declaration.senderZones[index] else { return false }
        return zones.contains(declaration.zones[zone].origin.value.absolute)
    }

    /// `sender news.example.com.`, `senders a.example., b.example. and zone c.example.`: what the plan covers.
    public var summary: String {
        var parts: [String] = []
        if !senders.isEmpty {
            parts.append((senders.count == 1 ? "sender " : "senders ") + senders.joined(separator: ", "))
        }
        if !zones.isEmpty { parts.append((zones.count == 1 ? "zone " : "zones ") + zones.joined(separator: ", ")) }
        return parts.joined(separator: " and ")
    }

    /// The line that opens a narrowed plan in every format, so no reader takes it for the whole
    /// repository's.
    public func notice(declaration: String) -> String {
        "Narrowed to \(summary) (--sender, --zone): the other senders and zones of \(declaration) are not planned."
    }
}

/// A `--sender` or `--zone` value that names nothing in the declaration.
public struct PlanTargetError: Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var fix: String?

    public init(message: String, fix: String? = nil) {
        self.message = message
        self.fix = fix
    }

    /// `error: MESSAGE` and an indented `fix:` line, as the command line prints it.
    public var description: String {
        "error: \(message)\n" + (fix.map { "  fix: \($0)\n" } ?? "")
    }
}

/// Every problem of the `--sender` and `--zone` values, reported together.
public struct PlanTargetErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [PlanTargetError]

    public var description: String { errors.map(\.description).joined() }
}
