import PoTContracts
import PoTContractsHost
import PoTCore
import PoTStore
import PoTWeb

/// The contracts module in the explorer: the contracts page (tasks, disputes, members' service
/// trust), one page per task with its dispute's committee and timeline, the contracts section of
/// a block, and an account's service trust.
package enum ContractsExplorer: ExplorerModule {
    /// What contracts adds to a snapshot.
    package struct Part: Sendable {
        /// Every task, newest first.
        let contracts: [ContractReport]
        /// Every dispute's committee, by task id.
        let committees: [String: CommitteeReport]
        /// Every member's service trust, and that of anyone with a record.
        let service: [ServiceReport]
    }

    package static var name: String { ContractsModule.name }

    package static func part(_ input: ReadModelInput, problems: inout [String]) throws -> Part {
        let state = input.tip
        let contracts = state.contracts.contracts.values.sorted { ($0.postedAt, $0.id) > ($1.postedAt, $1.id) }
        var committees: [String: CommitteeReport] = [:]
        for (id, dispute) in state.contracts.disputes {
            committees[id.hex] = CommitteeReport(dispute, contract: state.contracts.contracts[id]!, at: state.height + 1, params: state.params,
                                                 names: input.names)
        }
        let keys = state.accounts.keys.filter { state.isMember($0) || state.contracts.service[$0] != nil }
        let service = keys.map { ServiceReport($0, state: state, names: input.names) }.sorted { $0.member.short < $1.member.short }
        return Part(contracts: contracts.map { ContractReport($0, names: input.names) }, committees: committees, service: service)
    }

    package static var routeGroups: [any RouteGroup] { [ContractsRoutes()] }

    package static func blockSection(_ block: BlockRecord, part: Part, snapshot: ChainSnapshot) -> PageSection? {
        guard let document = BlockContractsDocument(block.stored.payload.contracts, chain: snapshot.chainId, names: snapshot.names) else { return nil }
        return PageSection(key: "contracts", json: document, html: document.html)
    }

    package static var blockSectionSchema: SectionSchema? { SectionSchema(key: "contracts", schema: Schema.ref("BlockContracts")) }

    package static func accountSection(_ account: AccountView, part: Part, snapshot: ChainSnapshot) -> PageSection? {
        let service = part.service.first { $0.member.key == account.key.hex }
        let tasks = part.contracts.filter { $0.requester.key == account.key.hex || $0.worker?.key == account.key.hex }.map(\.id)
        let seats = part.committees.values.filter { $0.committee.contains { $0.member.key == account.key.hex } }.map(\.dispute).sorted()
        let document = AccountServiceDocument(service: service, tasks: tasks, committees: seats)
        return PageSection(key: "service", json: document, html: document.html)
    }

    package static var accountSectionSchema: SectionSchema? { SectionSchema(key: "service", schema: AccountServiceDocument.schema) }
}
