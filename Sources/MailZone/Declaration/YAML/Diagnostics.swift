/// The errors collected while decoding one or more files.
///
/// Decoders take it `inout`, report what they find and carry on with what they
/// could read, so a single run reports every problem.
struct Diagnostics: Sendable {
    private(set) var errors: [DeclarationError] = []

    var isEmpty: Bool { errors.isEmpty }

    mutating func error(at location: YAMLLocation, _ message: String, hint: String? = nil) {
        errors.append(DeclarationError(at: location, message, hint: hint))
    }

    mutating func append(_ error: DeclarationError) {
        errors.append(error)
    }

    /// Appends `other`'s errors after these (a part of the file decoded apart, after the parts before it).
    mutating func append(contentsOf other: Diagnostics) {
        errors += other.errors
    }
}
