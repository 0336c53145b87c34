import GitKit
import PoTContracts
import PoTCore
import PoTStore

/// Signing a contract's objects: each is checked with the rules a block applies
/// (`ContractAdmission`, for the next block) before it is stored for the next block.
extension ChainStore {
    /// Posts a task by `key`, escrowing `reward` once a block carries it; a worker may accept
    /// within `acceptWithin` heights and must deliver within `deliverWithin`. Takes the write lock.
    public func postTask(as key: SigningKey, title: String, description: String = "", spec: String? = nil, reward: UInt64,
                         acceptWithin: UInt64, deliverWithin: UInt64) throws -> SignedTaskPost {
        try withWriteLock {
            let state = try currentState()
            let next = state.height + 1
            var rng = SystemRandomNumberGenerator()
            let post: TaskPost
            do {
                post = try TaskPost(requester: key.publicKey, title: title, description: description, spec: try spec.map(gitObject),
                                    reward: reward, acceptBy: next + acceptWithin, deliverBy: next + deliverWithin,
                                    nonce: UInt64.random(in: 0...UInt64.max, using: &rng))
            } catch let error as ObjectError { throw SigningRefusal(error.description) }
            try refuse(ContractAdmission.post(post, in: context(state)))
            let signed = SignedTaskPost.sign(post, with: key, chain: chainId)
            try storeModuleObject(signed, kind: ContractsModule.postKind)
            return signed
        }
    }

    /// Accepts the task `prefix` names as its worker `key` (the task may still wait for a block).
    public func acceptTask(as key: SigningKey, task prefix: String) throws -> SignedTaskAcceptance {
        try withWriteLock {
            let state = try currentState()
            let (task, pendingPost) = try findTaskOrPending(prefix, in: state)
            var c = context(state)
            if let pendingPost { c = c.posting(pendingPost) }
            let acceptance = TaskAcceptance(task: task, worker: key.publicKey)
            try refuse(ContractAdmission.accept(acceptance, in: c))
            let signed = SignedTaskAcceptance.sign(acceptance, with: key, chain: chainId)
            var problems: [String] = []
            if try git.reference(ContractsModule.acceptKind.ref(of: signed, chain: chainId)!) == nil,
               try !pendingModuleObjects(ContractsModule.acceptKind, glob: "refs/pot/\(ContractsModule.acceptKind.refRoot)/\(task.hex)/*",
                                         problems: &problems).isEmpty {
                throw SigningRefusal("another worker's acceptance of task \(task.short) waits for a block; the first one a block carries wins", conflict: true)
            }
            try storeModuleObject(signed, kind: ContractsModule.acceptKind)
            return signed
        }
    }

    /// Delivers `revision` (any commit of this repository) for the task `prefix` names, and
    /// keeps the commit under `refs/pot/contract-work/<task>` so it travels with the chain.
    public func deliverTask(as key: SigningKey, task prefix: String, revision: String, note: String = "") throws -> SignedTaskDelivery {
        try withWriteLock {
            let state = try currentState()
            let task = try findTask(prefix, in: state)
            let commit = try gitObject(revision)
            let delivery: TaskDelivery
            do { delivery = try TaskDelivery(task: task, worker: key.publicKey, commit: commit, note: note) } catch let error as ObjectError {
                throw SigningRefusal(error.description)
            }
            try refuse(ContractAdmission.deliver(delivery, in: context(state)))
            let signed = SignedTaskDelivery.sign(delivery, with: key, chain: chainId)
            try git.setReference(Self.workRef(task), to: GitOID(bytes: commit.bytes)!, message: "pot contract deliver")
            try storeModuleObject(signed, kind: ContractsModule.deliverKind)
            return signed
        }
    }

    /// Approves the delivery of the task `prefix` names, as its requester `key`.
    public func approveTask(as key: SigningKey, task prefix: String) throws -> SignedTaskApproval {
        try signContractObject(kind: ContractsModule.approveKind, sign: { SignedTaskApproval.sign($0, with: key, chain: chainId) }) { state in
            let approval = TaskApproval(task: try findTask(prefix, in: state), requester: key.publicKey)
            return (approval, ContractAdmission.approve(approval, in: context(state)))
        }
    }

    /// Rates the other side of the task `prefix` names, as `key`.
    public func rateTask(as key: SigningKey, task prefix: String, stars: UInt64, comment: String = "") throws -> SignedTaskRating {
        try signContractObject(kind: ContractsModule.rateKind, sign: { SignedTaskRating.sign($0, with: key, chain: chainId) }) { state in
            let rating: TaskRating
            do { rating = try TaskRating(task: try findTask(prefix, in: state), rater: key.publicKey, stars: stars, comment: comment) } catch let error as ObjectError {
                throw SigningRefusal(error.description)
            }
            return (rating, ContractAdmission.rate(rating, in: context(state)))
        }
    }

    /// Takes the task `prefix` names to arbitration, as `key`, with a statement and, optionally,
    /// a revision of this repository as evidence (kept under `refs/pot/contract-evidence/<task>`).
    public func disputeTask(as key: SigningKey, task prefix: String, statement: String, evidence: String? = nil) throws -> SignedTaskDispute {
        try signContractObject(kind: ContractsModule.disputeKind, sign: { SignedTaskDispute.sign($0, with: key, chain: chainId) }) { state in
            let task = try findTask(prefix, in: state)
            let dispute: TaskDispute
            do { dispute = try TaskDispute(task: task, party: key.publicKey, statement: statement, evidence: try evidence.map(gitObject)) } catch let error as ObjectError {
                throw SigningRefusal(error.description)
            }
            if let refusal = ContractAdmission.dispute(dispute, in: context(state)) { return (dispute, refusal) }
            if let evidence = dispute.evidence {
                try git.setReference("refs/pot/contract-evidence/\(task.hex)/\(key.publicKey.hex)", to: GitOID(bytes: evidence.bytes)!,
                                     message: "pot contract dispute")
            }
            return (dispute, nil)
        }
    }

    /// The id of the task a unique prefix names, among the tasks on chain.
    public func findTask(_ prefix: String, in state: ChainState) throws -> Hash256 {
        try IdPrefix.unique(prefix, kind: "task", among: state.contracts.contracts.keys.sorted(), id: { $0 })
    }

    /// The ref a delivered commit is kept under.
    public static func workRef(_ task: Hash256) -> String { "refs/pot/contract-work/\(task.hex)" }

    /// A task on chain, or one whose post waits here for a block.
    private func findTaskOrPending(_ prefix: String, in state: ChainState) throws -> (Hash256, SignedTaskPost?) {
        var problems: [String] = []
        let pending = try pendingModuleObjects(ContractsModule.postKind, problems: &problems).compactMap { $0.object as? SignedTaskPost }
            .filter { state.contracts.contracts[$0.post.taskId(chain: chainId)] == nil }
        let ids = state.contracts.contracts.keys.sorted() + pending.map { $0.post.taskId(chain: chainId) }
        let task = try IdPrefix.unique(prefix, kind: "task", among: ids, id: { $0 })
        return (task, pending.first { $0.post.taskId(chain: chainId) == task })
    }

    func context(_ state: ChainState) -> ContractsContext { ContractsContext(state, named: keyNamer()) }

    func refuse(_ refusal: BlockRejection?) throws {
        if let refusal { throw SigningRefusal(refusal.detail) }
    }

    /// Builds an object on the current state, refuses it as the next block would, signs and stores it.
    func signContractObject<Body: SignableBody>(kind: ModuleObjectKind, sign: (Body) -> Signed<Body>,
                                                _ build: (ChainState) throws -> (Body, BlockRejection?)) throws -> Signed<Body> {
        try withWriteLock {
            let (body, refusal) = try build(try currentState())
            try refuse(refusal)
            let signed = sign(body)
            try storeModuleObject(signed, kind: kind)
            return signed
        }
    }

    /// The id of the git object `revision` names in this repository.
    func gitObject(_ revision: String) throws -> GitObjectId {
        guard let oid = try? git.revParse(revision), let id = GitObjectId(bytes: oid.bytes) else {
            throw SigningRefusal("'\(revision)' names no commit or object of this repository")
        }
        return id
    }
}
