import Testing

@testable import MailZone

/// Waiting for an answer on the terminal must not hold a thread of the task pool: the blocking call
/// runs outside every task, on a thread of its own.
@Suite struct BlockingCallTests {
    @Test func theCallRunsOutsideEveryTask() async {
        // Made inline, the call would run on the pool thread of the task that awaits it.
        let insideATask = await BlockingCall.run { withUnsafeCurrentTask { $0 != nil } }
        #expect(!insideATask)
    }

    @Test func theCallsResultComesBack() async {
        #expect(await BlockingCall.run { "yes" } == "yes")
    }
}
