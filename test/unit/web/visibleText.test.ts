import { i18nKeys, textProblems } from '../../browser/visibleText';

const keys = i18nKeys({ picker_title: 'Set status', title: 'Title', 'app.setting_label': 'x' }, { clear_never: "Don't clear" });

describe("the browser suite's check of what a person reads", () => {
    it('looks for keys with an underscore or a dot only', () => {
        expect(keys.sort()).toEqual(['app.setting_label', 'clear_never', 'picker_title']);
    });

    it('passes ordinary text, apostrophes and quotes included', () => {
        expect(textProblems(`Don't clear\nRecent: Busy "Heads down"\nR&D; title\nTom & Jerry\nSet status`, keys)).toEqual([]);
    });

    it('catches each thing that must not show', () => {
        expect(textProblems('Don&#x27;t clear', keys)).toEqual(['HTML entity &#x27; in "Don&#x27;t clear"']);
        expect(textProblems('Recent: Busy &quot;Heads down&quot;', keys)).toHaveLength(1);
        expect(textProblems('a &amp; b', keys)).toHaveLength(1);
        expect(textProblems('Status\npicker_title', keys)).toEqual(['i18n key picker_title in "picker_title"']);
        expect(textProblems('Label: app.setting_label', keys)).toHaveLength(1);
        expect(textProblems('Until undefined', keys)).toEqual(['"undefined" in "Until undefined"']);
        expect(textProblems('Status: [object Object]', keys)).toEqual(['"[object Object]" in "Status: [object Object]"']);
        expect(textProblems('{count} connections', keys)).toEqual(['unfilled {count} in "{count} connections"']);
    });

    it('does not take a key inside a longer word or an id for the key', () => {
        expect(textProblems('picker_titles my-picker_title', keys)).toEqual([]);
    });
});
