import PoTCLI

PotEntry.main()
