import ZoneFile

/// A zone file's load error as a plan finding, placed where the user must act. Most errors are
/// in the zone file, at their line. Two are the declaration's: a zone file that cannot be read
/// (the `file:` path is wrong) is reported at the YAML line naming it, and a file whose records
/// are all outside the declared origin (its `$ORIGIN` names another zone, so there is "no SOA
/// record at the zone apex") is said in those terms, with the first out-of-zone name, at the
/// YAML `origin:` line.
enum ZoneLoadFinding {
    /// The findings of a zone that did not load. When its records are all out of zone, the missing
    /// SOA says so and the other apex errors it causes (no NS records) are left out: one problem, one finding.
    static func findings(for zone: Zone, declared: ZoneDeclaration, path: String, declaration: String) -> [PlanFinding]
    {
        let outOfZone =
            zone.errors.contains { $0.id == "zone.no-soa" } && zone.diagnostics.contains { $0.id == "zone.out-of-zone" }
        return zone.errors
            .filter { !(outOfZone && $0.id == "zone.no-ns") }
            .map { finding(for: $0, zone: zone, declared: declared, path: path, declaration: declaration) }
    }

    /// A zone file outside the repository's directory, not read (no `--allow-outside`): at the YAML
    /// line naming it.
    static func outside(path: String, declared: ZoneDeclaration, declaration: String) -> PlanFinding {
        let file = declared.file.location
        return PlanFinding(
            severity: .error, message: "the zone file \(path) is outside the directory of \(declaration)",
            fix: "keep zone files in the repository beside the declaration, or pass --allow-outside",
            location: PlanLocation(file: file.file, line: file.line, column: file.column))
    }

    static func finding(
        for diagnostic: Diagnostic, zone: Zone, declared: ZoneDeclaration, path: String,
        declaration: String
    ) -> PlanFinding {
        let file = declared.file.location
        let origin = declared.origin.location
        switch diagnostic.id {
        case "file.unreadable" where diagnostic.file.isEmpty || diagnostic.file == path:
            return PlanFinding(
                severity: .error, message: "the zone file \(path) cannot be read: \(diagnostic.message)",
                fix: "correct `file:` of zone \(declared.origin.value.absolute) in \(declaration) "
                    + "(relative to the directory of \(declaration))",
                location: PlanLocation(file: file.file, line: file.line, column: file.column))
        case "zone.no-soa":
            guard let outside = zone.diagnostics.first(where: { $0.id == "zone.out-of-zone" }) else { break }
            let place = outside.location.map { "\(outside.file):\($0.line)" } ?? outside.file
            return PlanFinding(
                severity: .error,
                message:
                    "no SOA record at the zone apex \(declared.origin.value.absolute): the records of \(path) are out of zone "
                    + "(\(outside.message), \(place)), so its $ORIGIN is of another zone",
                fix: "make `origin:` in \(declaration) the zone the file holds, or correct the file's $ORIGIN",
                location: PlanLocation(file: origin.file, line: origin.line, column: origin.column))
        default:
            break
        }
        return PlanFinding(
            severity: .error, message: diagnostic.message,
            fix: diagnostic.id == "file.unreadable"
                ? "check `file:` of this zone in \(declaration)" : "fix the zone file, then plan again",
            location: diagnostic.location.map { PlanLocation(file: diagnostic.file, line: $0.line, column: $0.column) }
                ?? PlanLocation(file: diagnostic.file.isEmpty ? path : diagnostic.file, line: 1))
    }
}
