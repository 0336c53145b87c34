import PoTMarketsHost

MarketEntry.main()
