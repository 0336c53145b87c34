/// The flag set both ssss tools parse (they are one program).
struct SSSSFlags {
    var threshold = -1
    var shareCount = -1
    var token: String?
    var securityBits = 0
    var hex = false
    var quiet = false
    var extraQuiet = false
    var diffusion = true
    var showVersion = false
    var showHelp = false

    init(arguments: [String]) throws(CommandLineError) {
        showHelp = arguments.isEmpty
        let parsed = try Getopt.parse(arguments, optionString: "vDhqQxs:t:n:w:")
        for (letter, value) in parsed.options {
            switch UnicodeScalar(letter) {
            case "v": showVersion = true
            case "h": showHelp = true
            case "q": quiet = true
            case "Q": extraQuiet = true; quiet = true
            case "x": hex = true
            case "s": securityBits = CStyleInput.atoi(value ?? [])
            case "t": threshold = CStyleInput.atoi(value ?? [])
            case "n": shareCount = CStyleInput.atoi(value ?? [])
            case "w": token = String(decoding: value ?? [], as: UTF8.self)
            case "D": diffusion = false
            default: break
            }
        }
        if !showHelp, let operand = parsed.operands.first {
            throw .unexpectedOperand(String(decoding: operand, as: UTF8.self))
        }
    }
}
