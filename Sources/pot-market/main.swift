import PoTCLI

MarketEntry.main()
