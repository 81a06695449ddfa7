import MailAuth

/// What checking a service against its preset needs that depends only on the preset: its inputs by
/// name, which of them are DKIM keys, and, when no record depends on the variant, the inputs every
/// service must give. `DeclarationValidator` works them out once per preset rather than for each of
/// a hosting provider's thousands of services of it.
struct PresetChecks {
    let definition: PresetDefinition
    /// The preset's inputs by name (the first of a name, as a search would find), each with whether it
    /// is a DKIM key: named `dkim.…` and used only in TXT records (a key, not a CNAME target).
    let inputs: [String: (input: PresetInput, isKey: Bool)]
    /// `definition.requiredInputs(given:)` when no record has a `when:` (then the values given do not
    /// change it); nil for a preset with variants.
    private let fixedRequired: [PresetInput]?

    init(_ definition: PresetDefinition) {
        self.definition = definition
        var inputs: [String: (input: PresetInput, isKey: Bool)] = [:]
        for input in definition.preset.inputs where inputs[input.name] == nil {
            let isKey =
                input.name.hasPrefix("dkim.") && DeclarationValidator.usedOnlyInTXT(input.name, definition)
            inputs[input.name] = (input, isKey)
        }
        self.inputs = inputs
        let hasVariants = definition.preset.records.contains { !$0.when.isEmpty }
        fixedRequired = hasVariants ? nil : definition.requiredInputs(given: definition.defaultValues)
    }

    /// The inputs `service` must give in the variant its values pick.
    func requiredInputs(of service: ServiceUse) -> [PresetInput] {
        fixedRequired ?? definition.requiredInputs(given: definition.writtenValues(of: service))
    }
}
