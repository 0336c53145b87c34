import FuzzSupport
import PoTAgents
import PoTContracts
import PoTCore
import PoTMarkets
import PoTMembership
import PoTModules

/// Payloads and their markets, membership, contracts and agents sections: refused, or canonical.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = Entry.bytes(data, size)
    // cbor(), not encoded(): a decoded payload keeps the bytes it came from, which encoded() returns.
    expectCanonical(input, what: "payload", decode: { try Payload(bytes: $0) }, encode: { $0.cbor().encoded() })
    expectCanonical(input, what: "markets section", decode: { try MarketSection(cbor: try CBOR.decode($0)) }, encode: { $0.cbor().encoded() })
    expectCanonical(input, what: "membership section", decode: { try MembershipSection(cbor: try CBOR.decode($0)) }, encode: { $0.cbor().encoded() })
    expectCanonical(input, what: "contracts section", decode: { try ContractsSection(cbor: try CBOR.decode($0)) }, encode: { $0.cbor().encoded() })
    expectCanonical(input, what: "agents section", decode: { try AgentsSection(cbor: try CBOR.decode($0)) }, encode: { $0.cbor().encoded() })
    return 0
}

@_cdecl("LLVMFuzzerInitialize")
public func fuzzInitialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Entry.initialize {
        let c = try SeedChain()
        return SeedChain.named("payload", [c.payload.encoded(), Payload(votes: c.votes).encoded(), Payload().encoded(), c.payload.markets.cbor().encoded(),
                                           c.modulePayload.encoded(), c.membership.section.cbor().encoded(), c.contracts.section.cbor().encoded(),
                                           c.agentsPayload.encoded(), c.agents.section.cbor().encoded()])
    }
    return 0
}
