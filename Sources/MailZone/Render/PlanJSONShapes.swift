import ZoneFile

/// The plan document's JSON shapes (`schemas/plan.schema.json`), apart from the plan: a `Plan`
/// holds record types as `RRType`, names as `DomainName` and severities as `PlanSeverity`; these
/// hold what the document writes (type mnemonics, names in presentation form). They are built
/// from the plan when it is written (`PlanJSON`, `PlanJSONAssembler`, `CheckReport`) and read
/// back into one for `apply --plan`, where a name or a type that does not read is an error at
/// its JSON path.
enum PlanShape {
    /// The plan (`plan --format json` without its summary, which `PlanDocument` adds).
    struct Document: Codable {
        var version: Int
        var declaration: String
        var zones: [Zone]
        var errors: [PlanFinding]
        var target: PlanTarget?

        init(_ plan: Plan) {
            version = plan.version
            declaration = plan.declaration
            zones = plan.zones.map(Zone.init)
            errors = plan.errors
            target = plan.target
        }

        /// The plan this document describes.
        func plan() throws(PlanJSONError) -> Plan {
            let zones = try self.zones.readBack(at: "zones") { zone, path throws(PlanJSONError) in
                try zone.plan(at: path)
            }
            var plan = Plan(declaration: declaration, zones: zones, errors: errors, target: target)
            plan.version = version
            return plan
        }
    }

    struct Zone: Codable {
        var origin: String
        var file: String
        var senders: [Sender]
        var errors: [PlanFinding]
        var warnings: [PlanFinding]
        var serial: SerialChange?
        var files: [FileChange]
        var managedRecords: Int?
        var inputs: [FileDigest]

        init(_ zone: ZonePlan) {
            origin = zone.origin.description
            file = zone.file
            senders = zone.senders.map(Sender.init)
            errors = zone.errors
            warnings = zone.warnings
            serial = zone.serial
            files = zone.files
            managedRecords = zone.managedRecords
            inputs = zone.inputs
        }

        func plan(at path: String) throws(PlanJSONError) -> ZonePlan {
            let senders = try self.senders.readBack(at: "\(path).senders") { sender, path throws(PlanJSONError) in
                try sender.plan(at: path)
            }
            var zone = ZonePlan(
                origin: try readName(origin, at: "\(path).origin"), file: file, senders: senders, errors: errors,
                warnings: warnings, serial: serial,
                files: files, inputs: inputs)
            zone.managedRecords = managedRecords
            return zone
        }
    }

    struct Sender: Codable {
        var domain: String
        var services: [String]
        var items: [Item]
        /// Derived (the sender has a conflict, so apply writes none of its changes): written so a
        /// JSON reader need not work it out, ignored when read back.
        var heldBack: Bool?

        init(_ sender: SenderPlan) {
            domain = sender.domain.description
            services = sender.services
            items = sender.items.map(Item.init)
            heldBack = sender.isHeldBack
        }

        func plan(at path: String) throws(PlanJSONError) -> SenderPlan {
            let items = try self.items.readBack(at: "\(path).items") { item, path throws(PlanJSONError) in
                try item.plan(at: path)
            }
            return SenderPlan(domain: try readName(domain, at: "\(path).domain"), services: services, items: items)
        }
    }

    struct Item: Codable {
        var action: PlanItem.Action
        var owner: String
        var name: String
        var type: String
        var purpose: String
        var before: String?
        var after: String?
        var message: String?
        var fix: String?
        var note: String?
        var zoneLocation: PlanLocation?
        var declarationLocation: PlanLocation?

        init(_ item: PlanItem) {
            action = item.action
            owner = item.owner
            name = item.name.description
            type = item.type.mnemonic
            purpose = item.purpose
            before = item.before
            after = item.after
            message = item.message
            fix = item.fix
            note = item.note
            zoneLocation = item.zoneLocation
            declarationLocation = item.declarationLocation
        }

        func plan(at path: String) throws(PlanJSONError) -> PlanItem {
            let name = try readName(name, at: "\(path).name")
            guard let type = RRType(mnemonic: type) else {
                throw .invalid(at: "\(path).type", reason: "'\(self.type)' is not a record type")
            }
            return PlanItem(
                action: action, owner: owner, name: name, type: type, purpose: purpose, before: before, after: after,
                message: message, fix: fix, note: note, zoneLocation: zoneLocation,
                declarationLocation: declarationLocation)
        }
    }
}

/// The domain name a plan document writes at `path` (a zone's origin, a sender's domain, an
/// item's name), or an error at that path when it does not read.
private func readName(_ text: String, at path: String) throws(PlanJSONError) -> DomainName {
    guard let name = try? DomainName(parsing: text) else {
        throw .invalid(at: path, reason: "'\(text)' is not a domain name")
    }
    return name
}

extension Array {
    /// Each element read back into the plan at its own JSON path (`PATH[INDEX]`), so an error
    /// names the element: one loop for zones, senders and items alike.
    fileprivate func readBack<Value>(
        at path: String, _ read: (Element, String) throws(PlanJSONError) -> Value
    ) throws(PlanJSONError) -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(count)
        for (index, element) in enumerated() { values.append(try read(element, "\(path)[\(index)]")) }
        return values
    }
}
