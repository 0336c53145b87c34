print("pot-bootstrap")
