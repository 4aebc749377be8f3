"""The ACLED contract: codebook facts as data, and pandera schemas built on them."""
