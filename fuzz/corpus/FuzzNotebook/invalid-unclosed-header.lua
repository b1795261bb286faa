-- ---
-- title: x
print(1)
