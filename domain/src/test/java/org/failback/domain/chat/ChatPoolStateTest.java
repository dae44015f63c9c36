package org.failback.domain.chat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.failback.domain.pool.IllegalTransitionException;
import org.junit.jupiter.api.Test;

class ChatPoolStateTest {

    @Test
    void theRunbookCycleNormalDownFailingOverFailedOverFailingBackNormal() {
        ChatPoolState state = ChatPoolState.NORMAL;
        for (ChatPoolState next : new ChatPoolState[] {
            ChatPoolState.DOWN,
            ChatPoolState.FAILING_OVER,
            ChatPoolState.FAILED_OVER,
            ChatPoolState.FAILING_BACK,
            ChatPoolState.NORMAL
        }) {
            state = state.to(next, "pchat");
        }
        assertEquals(ChatPoolState.NORMAL, state);
    }

    @Test
    void aFailedFailoverMayStartAgainButAFailedFailbackOnlyContinuesByRestart() {
        assertEquals(ChatPoolState.FAILING_OVER, ChatPoolState.FAILING_OVER.to(ChatPoolState.FAILING_OVER, "p"));
        assertThrows(
                IllegalTransitionException.class, () -> ChatPoolState.FAILING_BACK.to(ChatPoolState.FAILING_BACK, "p"));
        assertThrows(IllegalTransitionException.class, () -> ChatPoolState.NORMAL.to(ChatPoolState.FAILING_OVER, "p"));
        assertThrows(IllegalTransitionException.class, () -> ChatPoolState.DOWN.to(ChatPoolState.FAILING_BACK, "p"));
    }

    @Test
    void noActiveServerIsReachableWhileDownOrFailingOver() {
        assertTrue(ChatPoolState.DOWN.dataPathLost());
        assertTrue(ChatPoolState.FAILING_OVER.dataPathLost());
        assertFalse(ChatPoolState.FAILED_OVER.dataPathLost());
        assertFalse(ChatPoolState.FAILING_BACK.dataPathLost());
        assertFalse(ChatPoolState.NORMAL.dataPathLost());
    }

    @Test
    void hostileRoomAndPoolNamesAreRefused() {
        for (String hostile : new String[] {"a'b", "[r]", "r;--", "r\u0000", "x".repeat(300), "../r", "R", ""}) {
            assertThrows(IllegalArgumentException.class, () -> RoomName.of(hostile), hostile);
            assertThrows(IllegalArgumentException.class, () -> ChatPoolName.of(hostile), hostile);
        }
        assertThrows(IllegalArgumentException.class, () -> ChatText.check("a\u0000b"));
        assertEquals("line one\nline two", ChatText.check("line one\nline two"));
    }
}
