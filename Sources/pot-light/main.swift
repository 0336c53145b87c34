print("pot-light")
