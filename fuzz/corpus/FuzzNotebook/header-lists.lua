#!/usr/bin/env almanac
-- ---
-- title: "Quarterly \"review\""
-- author: 'O''Brien'
-- date: 2024-05-01
-- seed: 42
-- description: |
--   First line
--   second line
-- data:
--   - sales.csv
--   - "stock levels.csv"
-- ---
print("implicit first cell")
-- %% Code cell
local x = 1
-- %% [markdown] Notes
--[==[
A long comment with ]] inside
]==]
-- more *markdown*
-- %% [md]
--[[ one line ]]
