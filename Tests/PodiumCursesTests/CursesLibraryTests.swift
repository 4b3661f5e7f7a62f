import CNCurses
import PodiumCurses
import Testing

@Suite("The ncurses system library")
struct CursesLibraryTests {
    @Test("Podium links ncurses 6")
    func version() {
        #expect(CursesLibrary.version.hasPrefix("ncurses 6."))
    }

    @Test("the shim exposes the wide-character API: a CJK character survives setcchar/getcchar")
    func wideCharacters() {
        var cell = cchar_t()
        let text: [wchar_t] = [wchar_t(0x4E2D), 0]  // 中
        let set = text.withUnsafeBufferPointer { setcchar(&cell, $0.baseAddress, 0, 0, nil) }
        #expect(set == OK)
        var back = [wchar_t](repeating: 0, count: 8)
        var attributes: attr_t = 0
        var pair: Int16 = 0
        let got = back.withUnsafeMutableBufferPointer { getcchar(&cell, $0.baseAddress, &attributes, &pair, nil) }
        #expect(got == OK)
        #expect(back[0] == 0x4E2D)
    }
}
