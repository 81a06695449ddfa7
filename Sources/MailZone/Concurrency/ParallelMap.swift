import Foundation

/// Independent work run side by side in a task group, handed back in input order.
///
/// A task group of bounded width rather than one task per input: at most `width` inputs are in
/// flight (started and not yet handed over), so a repository of thousands of zones keeps only a
/// few zones' plans in memory, and a server is never asked more than `width` questions at once.
enum ParallelMap {
    /// How many zones are planned at once: a few per core, so that cores stay busy while a slow
    /// zone holds up the hand-over of those after it.
    static var defaultWidth: Int { 4 * max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

extension ParallelMap {
    /// Runs `transform` on every input, at most `width` at a time, and hands the outputs to
    /// `receive` in input order, on the caller's task: each as soon as it and those before it are
    /// done. An input starts only when fewer than `width` are in flight, where an input is in
    /// flight from its start until its output is received, so outputs done ahead of their turn
    /// are never more than `width`.
    /// When `receive` throws, it is not called again, no input is started after it, the inputs
    /// still running are waited for (nothing is left working after the return), and its error is
    /// thrown.
    static func forEachInOrder<Input: Sendable, Output: Sendable, Failure: Error>(
        _ inputs: [Input], width: Int = defaultWidth, _ transform: @escaping @Sendable (Input) async -> Output,
        receive: (Output) async throws(Failure) -> Void
    ) async throws(Failure) {
        let width = max(1, width)
        let failure = await withTaskGroup(of: (Int, Output).self, returning: Failure?.self) { group in
            var next = inputs.startIndex
            var turn = inputs.startIndex
            var done: [Int: Output] = [:]
            while next < inputs.endIndex, next - turn < width {
                let index = next
                group.addTask { (index, await transform(inputs[index])) }
                next += 1
            }
            while let (index, output) = await group.next() {
                done[index] = output
                while let ready = done.removeValue(forKey: turn) {
                    turn += 1
                    do throws(Failure) {
                        try await receive(ready)
                    } catch {
                        done.removeAll()
                        await group.waitForAll()
                        return error
                    }
                }
                while next < inputs.endIndex, next - turn < width {
                    let index = next
                    group.addTask { (index, await transform(inputs[index])) }
                    next += 1
                }
            }
            return nil
        }
        if let failure { throw failure }
    }

    /// The outputs of `transform` on every input, in input order, at most `width` at a time.
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], width: Int, _ transform: @escaping @Sendable (Input) async -> Output
    ) async -> [Output] {
        var outputs: [Output] = []
        outputs.reserveCapacity(inputs.count)
        await forEachInOrder(inputs, width: width, transform) { outputs.append($0) }
        return outputs
    }
}

extension ParallelMap {
    /// Runs `first` and `second` side by side: `first` as a child task, `second` on the caller's. A caller
    /// with work too small to share calls the two in turn itself, without the escaping closure.
    static func both<A: Sendable, B>(_ first: @escaping @Sendable () -> A, _ second: () -> B) async -> (A, B) {
        async let a = first()
        let b = second()
        return (await a, b)
    }
}
