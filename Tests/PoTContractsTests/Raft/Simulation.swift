@testable import PoTContracts

/// The seeded cluster simulation the failover figures come from (shared with `pot contract simulate`).
typealias Simulation = RaftSimulation
