/// Makes each sender's Domain Connect presets once the senders' zones are known: a template's
/// `%domain%` and `%host%` are the sender's zone and its place in it.
enum DomainConnectResolver {
    /// Sets `definition` on every Domain Connect service of `senders`; `senderZones` is each
    /// sender's zone as a position in `zones`.
    static func resolve(
        _ senders: inout [SenderDeclaration], zones: [ZoneDeclaration], senderZones: [Int?],
        diagnostics: inout Diagnostics
    ) {
        for index in senders.indices where senders[index].services.contains(where: { $0.domainConnect != nil }) {
            let origin = senderZones[index].map { zones[$0].origin.value }
            let application = DomainConnectPreset.Application(sender: senders[index].domain.value, origin: origin)
            for serviceIndex in senders[index].services.indices {
                guard var service = senders[index].services[serviceIndex].domainConnect else { continue }
                service.definition = DomainConnectPreset.make(
                    service, application: application, diagnostics: &diagnostics)
                senders[index].services[serviceIndex].domainConnect = service
            }
        }
    }
}
