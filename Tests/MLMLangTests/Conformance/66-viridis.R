#### viridis-palettes
library(viridis)
viridis(5)
magma(3, alpha = 0.5)
viridis(4, option = "C", direction = -1)
viridis_pal(option = "C")(8)
viridis(3, option = "nope")
turbo(2, begin = 0.2)

#### viridislite-arguments
library(viridisLite)
cividis(4)
rocket(3, direction = -1)
mako(2, alpha = 0.25, begin = 0.5)
inferno(6, begin = 0.1, end = 0.9)
plasma(0)
try(viridis(3, begin = 2))
try(viridis(3, direction = 2))
