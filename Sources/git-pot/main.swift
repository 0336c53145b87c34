import PoTCLI
import PoTModuleHosts

PotEntry.main(moduleCommands: ModuleHosts.commands)
