"""Knowledge: sharing, search, review dates and questions to the network."""
