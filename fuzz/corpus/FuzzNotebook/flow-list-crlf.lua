-- ---
-- data: [a.csv, 'b, c.csv', "d.csv"]
-- title: >
--   folded
--   title
-- ---
-- %%
print(1)
-- %% Title [markdown]
-- text