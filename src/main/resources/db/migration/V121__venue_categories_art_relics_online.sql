-- Issue 16, point 7: three more categories in the venue register: 艺术品经营 (art), 文物经营 (cultural_relics) and
-- 网络文化 (online_culture: operated online, kept without a position, never planned or mapped).
ALTER TABLE venue DROP CONSTRAINT venue_category_check;
ALTER TABLE venue ADD CONSTRAINT venue_category_check CHECK (category IN ('internet_cafe','song_dance','game_arcade',
    'publication','hotel','satellite_equipment','printing','performance','art','cultural_relics','online_culture','other'));
