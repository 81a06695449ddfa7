import Foundation
import FuzzDriver
import MailAuth
import MailZone

private let catalog: PresetCatalog = {
    do {
        return try PresetCatalog.builtIn(files: BuiltInPresets.files())
    } catch {
        fatalError("built-in presets do not load: \(error)")
    }
}()

/// One input: a mailzone.yaml. Loading must return a declaration or positioned errors, never crash or hang.
/// SwiftPM links an executable's entry point as `<Target>_main`; hand the process to libFuzzer.
@_cdecl("FuzzDeclaration_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzDeclaration(data, size) }
}

func fuzzDeclaration(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    do {
        let declaration = try DeclarationLoader.load(
            data: bytes, file: URL(fileURLWithPath: "/fuzz/mailzone.yaml"),
            builtInPresets: catalog)
        _ = declaration.expanded.count
    } catch {
        for item in error.errors { _ = item.description }
    }
    return 0
}
