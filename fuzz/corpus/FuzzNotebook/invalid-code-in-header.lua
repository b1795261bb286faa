-- ---
-- title: x
local y = 2
-- ---
