import Foundation
@testable import PoTDeploy
import PoTTestSupport
import Testing

/// A malformed configuration, the line its error must name, and a part of the message.
struct BadConfig: CustomTestStringConvertible, Sendable {
    let kind: String
    let text: String
    let line: Int?
    let message: String
    var testDescription: String { kind }
}

@Suite("pot-deploy.toml")
struct ConfigTests {
    static let hook = """
        [[on_tip]]
        name = "build"
        run = ["make"]
        """

    static let cases: [BadConfig] = [
        BadConfig(kind: "syntax error", text: "keep_worktrees = 5\n\n[[on_tip]]\nname = \"build\nrun = \"make\"\n",
                  line: 4, message: "syntax error"),
        BadConfig(kind: "unterminated array", text: "\(hook)\n[[on_finalize]]\nname = \"x\"\nrun = [\"a\",\n", line: 6, message: "syntax error"),
        BadConfig(kind: "a key given twice", text: "\(hook)\nname = \"again\"\n", line: 4, message: "syntax error"),
        BadConfig(kind: "unknown top-level key", text: "keep_worktree = 5\n\(hook)\n", line: 1,
                  message: "unknown key 'keep_worktree' (known keys: keep_worktrees,"),
        BadConfig(kind: "unknown hook key", text: "\(hook)\ntimeout = 5\n", line: 4, message: "unknown key 'timeout' in on_tip[1]"),
        BadConfig(kind: "unknown dotted hook key", text: "\(hook)\nfoo.bar = 5\n", line: 4, message: "unknown key 'foo' in on_tip[1]"),
        BadConfig(kind: "keep_worktrees of the wrong type", text: "# comment\nkeep_worktrees = \"5\"\n\(hook)\n", line: 2,
                  message: "keep_worktrees must be a whole number of at least 1 (got a string)"),
        BadConfig(kind: "keep_worktrees zero", text: "keep_worktrees = 0\n\(hook)\n", line: 1,
                  message: "keep_worktrees must be a whole number of at least 1 (got 0)"),
        BadConfig(kind: "poll_interval_ms fractional", text: "poll_interval_ms = 0.5\n\(hook)\n", line: 1,
                  message: "poll_interval_ms must be a whole number of milliseconds, at least 1 (got 0.5)"),
        BadConfig(kind: "timeout of the wrong type", text: "\(hook)\ntimeout_seconds = \"10\"\n", line: 4,
                  message: "on_tip[1].timeout_seconds must be a positive number (got a string)"),
        BadConfig(kind: "negative timeout", text: "\(hook)\n\n[[on_tip]]\nname = \"deploy\"\nrun = \"x\"\n# after\ntimeout_seconds = -1\n",
                  line: 9, message: "on_tip[2].timeout_seconds must be a positive number (got -1)"),
        BadConfig(kind: "zero timeout", text: "\(hook)\ntimeout_seconds = 0\n", line: 4, message: "on_tip[1].timeout_seconds must be a positive number (got 0)"),
        BadConfig(kind: "infinite grace", text: "kill_grace_seconds = inf\n\(hook)\n", line: 1, message: "kill_grace_seconds must be a positive number"),
        BadConfig(kind: "missing run", text: "keep_worktrees = 3\n\n[[on_finalize]]\nname = \"ship\"\ntimeout_seconds = 5\n", line: 3,
                  message: "on_finalize[1] (\"ship\") has no run command"),
        BadConfig(kind: "missing name", text: "[[on_tip]]\nrun = \"make\"\n", line: 1, message: "on_tip[1] has no name"),
        BadConfig(kind: "empty run array", text: "[[on_tip]]\nname = \"a\"\nrun = []\n", line: 3,
                  message: "on_tip[1].run must be a non-empty array of strings (argv) or a string (run by /bin/sh -c)"),
        BadConfig(kind: "blank run line", text: "[[on_tip]]\nname = \"a\"\nrun = \"  \"\n", line: 3, message: "on_tip[1].run must be"),
        BadConfig(kind: "run array holding a number", text: "[[on_tip]]\nname = \"a\"\nrun = [\n  \"make\",\n  3,\n]\n", line: 3,
                  message: "on_tip[1].run[2] must be a string (got 3)"),
        BadConfig(kind: "duplicate hook name", text: "\(hook)\n\n[[on_finalize]]\nname = \"build\"\nrun = \"y\"\n\n[[on_tip]]\nrun = \"z\"\nname = \"build\"\n",
                  line: 11, message: "on_tip[2].name \"build\" is already used by on_tip[1]"),
        BadConfig(kind: "name with a slash", text: "[[on_tip]]\nname = \"a/b\"\nrun = \"x\"\n", line: 2, message: "on_tip[1].name must use only letters"),
        BadConfig(kind: "on_tip as a plain table", text: "[on_tip]\nname = \"a\"\nrun = \"x\"\n", line: 1,
                  message: "on_tip must be an array of tables: write each hook under [[on_tip]]"),
        BadConfig(kind: "env value not a string", text: "\(hook)\nenv = { RETRIES = 3 }\n", line: 4, message: "on_tip[1].env.RETRIES must be a string (got 3)"),
        BadConfig(kind: "env in a sub-table", text: "\(hook)\n\n[on_tip.env]\nA = \"1\"\nB = false\n", line: 7,
                  message: "on_tip[1].env.B must be a string (got a bool)"),
        BadConfig(kind: "env setting a POT_ variable", text: "\(hook)\nenv = { POT_HEIGHT = \"1\" }\n", line: 4,
                  message: "on_tip[1].env.POT_HEIGHT: variables starting with POT_ are set by pot-deploy"),
        BadConfig(kind: "env not a table", text: "\(hook)\nenv = \"A=1\"\n", line: 4, message: "on_tip[1].env must be a table of strings"),
        BadConfig(kind: "workdir leaving the worktree", text: "\(hook)\nworkdir = \"app/../../etc\"\n", line: 4,
                  message: "on_tip[1].workdir must be a relative path inside the worktree"),
        BadConfig(kind: "absolute workdir", text: "\(hook)\nworkdir = \"/etc\"\n", line: 4, message: "on_tip[1].workdir must be a relative path"),
        BadConfig(kind: "continue_on_failure not a bool", text: "\(hook)\ncontinue_on_failure = \"yes\"\n", line: 4,
                  message: "on_tip[1].continue_on_failure must be true or false (got a string)"),
        BadConfig(kind: "after a multi-line string", text: "[[on_tip]]\nname = \"a\"\nrun = \"\"\"\nmake\nmake install\n\"\"\"\ntimeout_seconds = -2\n",
                  line: 7, message: "on_tip[1].timeout_seconds must be a positive number (got -2)"),
        BadConfig(kind: "finalize_from zero", text: "finalize_from = 0\n\(hook)\n", line: 1, message: "finalize_from must be a whole number of at least 1 (got 0)"),
        BadConfig(kind: "no hooks", text: "keep_worktrees = 3\n", line: nil, message: "no hooks declared: add [[on_tip]] or [[on_finalize]] tables"),
    ]

    @Test("DEPLOY-CONFIG-LINE: every kind of malformed configuration is one line naming the file and the line", arguments: cases)
    func malformed(_ bad: BadConfig) throws {
        let error = try #require(throws: ConfigError.self) { try ConfigLoader.parse(bad.text, path: "conf/pot-deploy.toml") }
        let location = bad.line.map { "conf/pot-deploy.toml:\($0): " } ?? "conf/pot-deploy.toml: "
        #expect(error.description.hasPrefix(location + bad.message), "\(error.description)")
        #expect(!error.description.contains("\n"))
    }

    @Test("DEPLOY-CONFIG-LINE: pot-deploy exits 1 with one Error line naming the line, and runs nothing")
    func malformedOnTheCommandLine() throws {
        let f = try DeployFixture(blocks: 1)
        defer { f.remove() }
        try f.writeConfig("[[on_tip]]\nname = \"build\"\n\(f.recordRun("tip.txt"))\ntimeout_seconds = -5\n")
        for arguments in [["--once"], [], ["check"]] {
            let result = try f.deploy(arguments)
            #expect(result.status == 1)
            #expect(result.stderr == "Error: \(f.configPath):4: on_tip[1].timeout_seconds must be a positive number (got -5)\n", "\(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(f.runs("tip.txt").isEmpty)
        #expect(!FileManager.default.fileExists(atPath: f.deployDirectory + "/record.jsonl"))
        let missing = try f.deploy(["--once"], config: .some(f.base + "/nowhere.toml"))
        #expect(missing.status == 1 && missing.stderr == "Error: \(f.base)/nowhere.toml: does not exist\n")
    }

    @Test("DEPLOY-CONFIG: keys have defaults; run takes an argv array or a shell line; relative directories start at the file's directory")
    func defaults() throws {
        let config = try ConfigLoader.parse("""
            [[on_tip]]
            name = "build"
            run = ["make", "all"]

            [[on_finalize]]
            name = "ship.prod"
            run = '''./ship "$POT_HEIGHT"'''
            timeout_seconds = 1.5
            workdir = "./deploy/"
            env = { STAGE = "prod" }
            continue_on_failure = true
            """, path: "/etc/pot/deploy.toml")
        #expect(config.keepWorktrees == 5 && config.pollIntervalMilliseconds == 1000 && config.killGraceSeconds == 5)
        #expect(config.worktreeDirectory == nil && config.logDirectory == nil && config.finalizeFrom == nil)
        #expect(config.onTip == [Hook(event: .tip, name: "build", command: .argv(["make", "all"]), timeoutSeconds: 600)])
        #expect(config.onFinalize == [Hook(event: .finalize, name: "ship.prod", command: .shell("./ship \"$POT_HEIGHT\""), timeoutSeconds: 1.5,
                                           environment: ["STAGE": "prod"], workdir: "deploy", continueOnFailure: true)])
        #expect(config.onFinalize[0].command.arguments == ["/bin/sh", "-c", "./ship \"$POT_HEIGHT\""])

        let placed = try ConfigLoader.parse("""
            keep_worktrees = 2
            poll_interval_ms = 250
            kill_grace_seconds = 0.5
            worktree_dir = "../trees"
            log_dir = "/var/log/pot"
            finalize_from = 7
            [[on_tip]]
            name = "a"
            run = "true"
            """, path: "/srv/app/pot-deploy.toml")
        #expect(placed.worktreeDirectory == "/srv/trees" && placed.logDirectory == "/var/log/pot")
        #expect(placed.keepWorktrees == 2 && placed.pollIntervalMilliseconds == 250 && placed.killGraceSeconds == 0.5 && placed.finalizeFrom == 7)
    }

    @Test("DEPLOY-CONFIG: without --config, pot-deploy reads pot-deploy.toml at the top of the repository's work tree")
    func defaultLocation() throws {
        let f = try DeployFixture(blocks: 1)
        defer { f.remove() }
        let missing = try f.deploy(["--once"], config: .none)
        #expect(missing.status == 1)
        #expect(missing.stderr.hasSuffix("/repo/pot-deploy.toml: does not exist\n"), "\(missing.stderr)")
        try f.writeConfig("[[on_tip]]\nname = \"tip\"\n\(f.recordRun("tip.txt"))\n", to: f.repo + "/pot-deploy.toml")
        let result = try f.deploy(["--once"], config: .none)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(f.heights("tip.txt") == [1])
        let check = try f.deploy(["check"], config: .none)
        #expect(check.stdout.contains("on_tip tip: timeout 600 s"), "\(check.stdout)")
        #expect(check.stdout.contains("worktrees: \(DeployFixture.resolved(f.repo))/.git/pot/deploy/worktrees (keep 5)"))
    }

    @Test("DEPLOY-CONFIG: the README's sample pot-deploy.toml is valid")
    func readmeSample() throws {
        let readme = try TestEnvironment.read("README.md")
        let section = try #require(readme.range(of: "## Deploying from the chain"))
        let start = try #require(readme.range(of: "```toml\n", range: section.upperBound..<readme.endIndex))
        let end = try #require(readme.range(of: "```", range: start.upperBound..<readme.endIndex))
        let config = try ConfigLoader.parse(String(readme[start.upperBound..<end.lowerBound]), path: "/srv/app/pot-deploy.toml")
        #expect(config.onTip.map(\.name) == ["build"] && config.onFinalize.map(\.name) == ["deploy"])
        #expect(config.onFinalize.first?.workdir == "service")
    }

    @Test("DEPLOY-CONFIG-LINE: the line of every key and table is found in the source text")
    func keyLines() {
        let lines = TOMLKeyLines(source: """
            a = 1 # comment with = sign
            'quoted key' = "x # not a comment"
            s = \"\"\"
            [not_a_table]
            k = 1
            \"\"\"
            arr = [
              1, # [x]
              2,
            ]
            [[hooks]]
            name = "one"
            [[hooks]]
            dotted . key = true
            [hooks.env]
            X = "1"
            inline = { y = 2 }
            """)
        #expect(lines.line(of: "a") == 1)
        #expect(lines.line(of: "quoted key") == 2)
        #expect(lines.line(of: "s") == 3)
        #expect(lines.line(of: "not_a_table") == nil && lines.line(of: "k") == nil)
        #expect(lines.line(of: "arr") == 7)
        #expect(lines.line(of: "hooks[1]") == 11)
        #expect(lines.line(of: "hooks[1].name") == 12)
        #expect(lines.line(of: "hooks[2]") == 13)
        #expect(lines.line(of: "hooks[2].dotted.key") == 14)
        #expect(lines.line(of: "hooks[2].env.X") == 16)
        #expect(lines.line(of: "hooks[2].env.inline.y") == 17)
        #expect(lines.line(of: "hooks[2].missing") == 13)
    }
}
