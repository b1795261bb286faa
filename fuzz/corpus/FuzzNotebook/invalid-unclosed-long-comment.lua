-- %% [markdown]
--[=[ text
more
-- %%
print(2)
