import Foundation
import FuzzSupport
import PoTDeploy

/// Where the fuzzed configuration claims to live; relative directories resolve against it.
let configPath = "/srv/app/pot-deploy.toml"

/// Any text as `pot-deploy.toml`: refused with a line that is in the file, or accepted with
/// every promise of the checked configuration kept. Parsing the same text twice agrees.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let text = String(validating: Entry.bytes(data, size), as: UTF8.self) else { return 0 }
    let lineCount = text.utf8.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
    let first: Result<DeployConfig, ConfigError>
    do {
        let config = try ConfigLoader.parse(text, path: configPath)
        first = .success(config)
        check(config)
        // TOMLKit reads C strings: a NUL would silently cut the file, a key or a string short.
        expect(!text.utf8.contains(0), "deploy config: accepted a file with a NUL byte")
    } catch let error as ConfigError {
        first = .failure(error)
        expect(error.file == configPath, "deploy config: error names \(error.file)")
        if let line = error.line { expect((1...lineCount).contains(line), "deploy config: error on line \(line) of \(lineCount)") }
    } catch {
        expect(false, "deploy config: unexpected error \(error)")
        return 0
    }
    let second = Result { try ConfigLoader.parse(text, path: configPath) }.mapError { $0 as! ConfigError }
    expect(first == second, "deploy config: two parses of one text disagree")
    return 0
}

/// What ConfigLoader promises about a configuration it accepts.
func check(_ config: DeployConfig) {
    expect(!config.onTip.isEmpty || !config.onFinalize.isEmpty, "deploy config: accepted without hooks")
    expect(config.keepWorktrees >= 1 && config.pollIntervalMilliseconds >= 1, "deploy config: counts below 1")
    expect(config.killGraceSeconds.isFinite && config.killGraceSeconds > 0, "deploy config: kill grace \(config.killGraceSeconds)")
    expect((config.finalizeFrom ?? 1) >= 1, "deploy config: finalize_from 0")
    for directory in [config.worktreeDirectory, config.logDirectory].compactMap({ $0 }) {
        expect(directory.hasPrefix("/") && !directory.split(separator: "/").contains(".."), "deploy config: directory \(directory)")
    }
    for event in HookEvent.allCases {
        let hooks = config.hooks(for: event)
        expect(Set(hooks.map(\.name)).count == hooks.count, "deploy config: two hooks named alike")
        for hook in hooks {
            expect(hook.event == event, "deploy config: hook under the wrong event")
            expect(!hook.name.isEmpty && !hook.name.hasPrefix(".") && !hook.name.contains("/"), "deploy config: hook name \(hook.name)")
            expect(hook.timeoutSeconds.isFinite && hook.timeoutSeconds > 0, "deploy config: timeout \(hook.timeoutSeconds)")
            expect(!hook.command.arguments.isEmpty && !hook.command.arguments[0].isEmpty, "deploy config: empty command")
            expect(hook.environment.keys.allSatisfy { !$0.isEmpty && !$0.hasPrefix("POT_") }, "deploy config: environment name")
            if let workdir = hook.workdir {
                expect(!workdir.isEmpty && !workdir.hasPrefix("/") && !workdir.split(separator: "/").contains(".."),
                       "deploy config: workdir \(workdir)")
            }
        }
    }
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Entry.initialize {
        [
            (name: "config-readme", bytes: Array("""
                keep_worktrees = 5          # older worktrees are removed
                poll_interval_ms = 1000

                [[on_tip]]
                name = "build"
                run = ["make", "test"]      # an argv array, or a string for /bin/sh -c
                timeout_seconds = 300

                [[on_finalize]]
                name = "deploy"
                run = "./scripts/deploy.sh production"
                workdir = "service"         # relative to the worktree
                env = { STAGE = "production" }

                """.utf8)),
            (name: "config-every-key", bytes: Array("""
                keep_worktrees = 2
                poll_interval_ms = 250
                kill_grace_seconds = 1.5
                worktree_dir = "../worktrees"
                log_dir = "/var/log/pot"
                finalize_from = 3

                [[on_tip]]
                name = "test"
                run = ["swift", "test"]
                continue_on_failure = true

                [[on_tip]]
                name = "lint.fast"
                run = '''
                  make lint
                '''
                workdir = "./tools/."

                [[on_finalize]]
                "name" = "release"
                run = ["./release.sh", "--tag", "v1"]
                env = { _TOKEN_FILE = "/run/secrets/token" }

                """.utf8)),
            (name: "config-dotted", bytes: Array("""
                [[on_finalize]]
                name = "deploy"
                run = "true"
                env.STAGE = "prod"
                env."_X1" = "\\u00e9"
                timeout_seconds = 1e3

                """.utf8)),
        ]
    }
    return 0
}
