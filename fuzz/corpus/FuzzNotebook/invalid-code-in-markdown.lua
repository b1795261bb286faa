-- %% [markdown]
-- text
print(1)
